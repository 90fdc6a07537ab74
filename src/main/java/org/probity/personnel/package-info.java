/**
 * Personnel registry: the security personnel (police, military, gendarmerie, prison service,
 * intelligence) whom Probity vets and against whom complaints are made. Service number, encrypted
 * name (searchable through keyed blind indexes), institution, unit, rank, status, vetting status
 * and an append-only vetting history; an optional self-identified group used only for composition
 * statistics with small cells suppressed. The complaint and vetting modules depend on this one,
 * never the other way round.
 */
package org.probity.personnel;
