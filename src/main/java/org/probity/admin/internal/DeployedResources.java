package org.probity.admin.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Resource;
import org.probity.common.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;

/** The files of a deployment (BPMN, DMN, forms), listed and downloaded as they were deployed. */
@Service
class DeployedResources {

  record Item(String id, String deploymentId, String name, String fileName, String type) {}

  private final RepositoryService repositoryService;

  DeployedResources(RepositoryService repositoryService) {
    this.repositoryService = repositoryService;
  }

  List<Item> of(String deploymentId) {
    return repositoryService.getDeploymentResources(deploymentId).stream()
        .map(r -> new Item(r.getId(), deploymentId, r.getName(), fileName(r.getName()), AdminApi.resourceType(r.getName())))
        .sorted(java.util.Comparator.comparing(Item::name))
        .toList();
  }

  ResponseEntity<byte[]> download(String deploymentId, String resourceId) {
    Resource resource =
        repositoryService.getDeploymentResources(deploymentId).stream()
            .filter(r -> r.getId().equals(resourceId))
            .findFirst()
            .orElseThrow(() -> new NotFoundException("No resource " + resourceId + " in deployment " + deploymentId));
    try (InputStream in = repositoryService.getResourceAsStreamById(deploymentId, resourceId)) {
      return attachment(resource.getName(), in.readAllBytes());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A file as a download: its plain name, a type by its extension, never sniffed by the browser. */
  static ResponseEntity<byte[]> attachment(String resourceName, byte[] content) {
    String name = fileName(resourceName);
    MediaType type = name.endsWith(".form") ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_XML;
    return ResponseEntity.ok()
        .contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(content);
  }

  static String fileName(String resourceName) {
    String name = resourceName.replace('\\', '/');
    return name.substring(name.lastIndexOf('/') + 1);
  }
}
