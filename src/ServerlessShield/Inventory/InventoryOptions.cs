namespace ServerlessShield;

/// <summary>The cold-start dependency inventory, under <c>ServerlessShield:Inventory</c>.</summary>
public sealed class InventoryOptions
{
    /// <summary>Whether one event listing the app's packages (from its <c>deps.json</c>) and loaded assemblies is written at cold start. Default: true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// An advisory file in OSV JSON (one advisory, an array of them, or <c>{"vulns": [...]}</c>) to check the packages
    /// against; each affected package is a finding of <c>SHIELD5402</c>. Null: no check. A path that does not exist
    /// fails at startup.
    /// </summary>
    public string? AdvisoryFile { get; set; }
}
