package io.shopscale.identity.user;

/** What an account may do. Every account is a USER; an ADMIN is a user who may also manage the shop. */
public enum Role {
    USER,
    ADMIN
}
