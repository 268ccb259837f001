package ai.aimass.api.user;

import java.net.URI;
import java.util.UUID;

import ai.aimass.api.auth.Caller;
import ai.aimass.api.web.PageView;
import ai.aimass.api.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The users of the caller's tenant, managed by its tenant admins.
 */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "users")
class UserController {

    private final UserService userService;

    private final Paging paging;

    UserController(UserService userService, Paging paging) {
        this.userService = userService;
        this.paging = paging;
    }

    @PostMapping
    @Operation(summary = "Add a user to your tenant")
    ResponseEntity<UserView> createUser(Caller caller, @Valid @RequestBody CreateUserRequest request) {
        UserView user = this.userService.createUser(caller.requireTenant(), request);
        return ResponseEntity.created(URI.create("/api/v1/users/" + user.id())).body(user);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a user of your tenant")
    UserView getUser(Caller caller, @PathVariable UUID id) {
        return this.userService.getUser(caller.requireTenant(), id);
    }

    @GetMapping
    @Operation(summary = "List the users of your tenant, by login name")
    PageView<UserView> listUsers(Caller caller, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = Paging.DEFAULT_SIZE) int size) {
        return PageView.of(this.userService.listUsers(caller.requireTenant(),
                this.paging.request(page, size, Sort.by("username"))), UserView::of);
    }

}
