package io.gitfleet.api.assignment;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Pin an assignment to one commit, whatever its source's ref moves to. */
@Schema(name = "PinRequest", example = """
        {"revision":"9fceb02d0ae598e95dc970b74767f19372d61af8"}""")
public record PinRequest(String revision) {
}
