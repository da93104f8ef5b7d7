package dev.certsd.fleet;

import dev.certsd.remote.SshTarget;

/** One machine of an inventory: its name there and how it is reached. */
public record InventoryEntry(String name, SshTarget target) {
}
