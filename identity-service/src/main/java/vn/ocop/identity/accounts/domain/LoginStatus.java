package vn.ocop.identity.accounts.domain;

/** Whether an account may log in right now. */
public enum LoginStatus {
    ALLOWED,
    DISABLED,
    LOCKED
}
