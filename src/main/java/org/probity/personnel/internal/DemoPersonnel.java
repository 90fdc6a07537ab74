package org.probity.personnel.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.probity.personnel.Institution;
import org.probity.personnel.NewPersonnel;
import org.probity.personnel.SelfIdentifiedGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The demo personnel of the embedded default (H2 with demo accounts): PD-1001..PD-1005 in Central
 * Police District and PD-1006..PD-1010 in Northern Police District, the units of the demo
 * investigators. Registered once; an existing service number is left alone.
 */
@Component
class DemoPersonnel implements InitializingBean {

  static final String ACTOR = "system";
  private static final Logger log = LoggerFactory.getLogger(DemoPersonnel.class);

  private final JdbcPersonnelRegistry registry;
  private final PersonnelProperties properties;
  private final DataSource dataSource;
  private final boolean demoUsers;

  DemoPersonnel(
      JdbcPersonnelRegistry registry,
      PersonnelProperties properties,
      DataSource dataSource,
      @Value("${probity.identity.demo-users:false}") boolean demoUsers) {
    this.registry = registry;
    this.properties = properties;
    this.dataSource = dataSource;
    this.demoUsers = demoUsers;
  }

  @Override
  public void afterPropertiesSet() {
    if (!demoUsers || !isEmbeddedH2()) {
      return;
    }
    int created = 0;
    for (NewPersonnel person : demoPersonnel()) {
      if (!registry.exists(person.serviceNumber())) {
        registry.register(withConfiguredGroup(person), ACTOR);
        created++;
      }
    }
    if (created > 0) {
      log.info("Registered {} demo personnel: embedded demo only", created);
    }
  }

  /** Drops group values the configuration does not allow (the lists are configurable). */
  private NewPersonnel withConfiguredGroup(NewPersonnel p) {
    PersonnelProperties.Groups allowed = properties.groups();
    SelfIdentifiedGroup g = p.group();
    SelfIdentifiedGroup group =
        new SelfIdentifiedGroup(
            kept(allowed.ethnicity(), g.ethnicity()),
            kept(allowed.religion(), g.religion()),
            kept(allowed.region(), g.region()),
            kept(allowed.gender(), g.gender()));
    return new NewPersonnel(p.serviceNumber(), p.fullName(), p.institution(), p.unit(), p.rank(), p.dateOfEntry(), group);
  }

  private static String kept(List<String> allowed, String value) {
    return value != null && allowed.contains(value) ? value : null;
  }

  private boolean isEmbeddedH2() {
    try (Connection connection = dataSource.getConnection()) {
      return "H2".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the database product", e);
    }
  }

  static List<NewPersonnel> demoPersonnel() {
    String central = "Central Police District";
    String northern = "Northern Police District";
    return List.of(
        demo("PD-1001", "Samuel Okello", central, "Inspector", 2009, "Group A", "Male", "Central"),
        demo("PD-1002", "Grace Achieng", central, "Sergeant", 2014, "Group B", "Female", "Central"),
        demo("PD-1003", "Zoë Ndayishimiye", central, "Constable", 2019, "Group C", "Female", "North"),
        demo("PD-1004", "Joseph Mwangi", central, "Constable", 2021, "Group A", "Male", "Central"),
        demo("PD-1005", "Fatuma Hassan", central, "Corporal", 2016, "Group B", "Female", "East"),
        demo("PD-1006", "Peter Lokwang", northern, "Chief Inspector", 2005, "Group C", "Male", "North"),
        demo("PD-1007", "Amina Yusuf", northern, "Sergeant", 2012, "Group B", "Female", "North"),
        demo("PD-1008", "Daniel Kiptoo", northern, "Constable", 2020, "Group A", "Male", "West"),
        demo("PD-1009", "Esther Nabwire", northern, "Constable", 2022, "Group C", "Female", "North"),
        demo("PD-1010", "Musa Abdi", northern, "Corporal", 2017, "Group B", "Male", "North"));
  }

  private static NewPersonnel demo(
      String serviceNumber, String name, String unit, String rank, int year, String ethnicity, String gender, String region) {
    return new NewPersonnel(
        serviceNumber,
        name,
        Institution.POLICE,
        unit,
        rank,
        LocalDate.of(year, 3, 1),
        new SelfIdentifiedGroup(ethnicity, null, region, gender));
  }
}
