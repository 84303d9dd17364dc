package vn.ocop.chassis.security;

/** Agency roles carried in the {@code roles} claim of access tokens (architecture §2). */
public enum Role {
    PROVINCE_OFFICER,
    LOCALITY_OFFICER,
    COUNCIL_MEMBER,
    DEPARTMENT_OFFICER
}
