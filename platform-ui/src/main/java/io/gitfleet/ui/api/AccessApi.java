package io.gitfleet.ui.api;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Tenants and who may do what in them, as the signed-in person may see and change them. */
@ApplicationScoped
public class AccessApi {

    private final ApiClient api;
    private final CurrentCredentials credentials;

    public AccessApi(ApiClient api, CurrentCredentials credentials) {
        this.api = api;
        this.credentials = credentials;
    }

    public Me me() {
        return api.me(credentials.require());
    }

    public List<Tenant> tenants() {
        return api.get(credentials.require(), "api/v1/tenants", Map.of(), new TypeReference<>() {
        });
    }

    public Tenant createTenant(Tenant.Request request) {
        return api.send(credentials.require(), "POST", "api/v1/tenants", request, new TypeReference<>() {
        });
    }

    public void deleteTenant(String name) {
        api.send(credentials.require(), "DELETE", "api/v1/tenants/" + name, null, null);
    }

    public List<RoleBinding> bindings(String tenant) {
        return api.get(credentials.require(), "api/v1/role-bindings", FleetApi.query("tenant", tenant),
                new TypeReference<>() {
                });
    }

    public RoleBinding bind(RoleBinding.Request request) {
        return api.send(credentials.require(), "POST", "api/v1/role-bindings", request, new TypeReference<>() {
        });
    }

    public void unbind(UUID id) {
        api.send(credentials.require(), "DELETE", "api/v1/role-bindings/" + id, null, null);
    }
}
