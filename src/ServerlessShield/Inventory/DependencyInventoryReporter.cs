namespace ServerlessShield;

// At cold start, off the invocation path: one event listing the app's packages (deps.json) and loaded assemblies
// (SHIELD5401), and, with an advisory file, one finding per affected package (SHIELD5402).
internal sealed class DependencyInventoryReporter(InventoryOptions options, SecurityEventPublisher publisher, Func<string?>? locateDepsFile = null)
{
    public Task<IReadOnlyList<(PackageReference Package, string AdvisoryId)>> Completion { get; private set; } =
        Task.FromResult<IReadOnlyList<(PackageReference, string)>>([]);

    public void Start()
    {
        if (options.Enabled)
        {
            Completion = Task.Run(Run);
        }
    }

    internal IReadOnlyList<(PackageReference Package, string AdvisoryId)> Run()
    {
        try
        {
            var depsFile = (locateDepsFile ?? DepsFile.Locate)();
            var packages = depsFile is null ? [] : DepsFile.Read(depsFile);
            var assemblies = AppDomain.CurrentDomain.GetAssemblies()
                .Where(a => !a.IsDynamic)
                .Select(a => a.GetName())
                .Select(n => $"{n.Name}@{n.Version}")
                .Order(StringComparer.Ordinal)
                .ToList();
            var packageList = string.Join(';', packages.Where(p => p.Type == "package").Select(p => $"{p.Name}@{p.Version}"));
            var packageCount = packages.Count(p => p.Type == "package");
            ShieldLog.DependencyInventory(publisher.Logger, ShieldRules.DependencyInventory.Id, packageCount, packageList, assemblies.Count);
            publisher.Publish(ShieldRules.DependencyInventory, ShieldAuditor.ApplicationWide, "startup", depsFile is null ? null : Path.GetFileName(depsFile),
                $"The application carries {packages.Count} libraries and has loaded {assemblies.Count} assemblies.",
                properties: new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["packages"] = packageList,
                    ["projects"] = string.Join(';', packages.Where(p => p.Type != "package").Select(p => $"{p.Name}@{p.Version}")),
                    ["assemblies"] = string.Join(';', assemblies),
                });

            return options.AdvisoryFile is { Length: > 0 } file ? Match(packages, file) : [];
        }
#pragma warning disable CA1031 // The inventory is telemetry: an unreadable deps.json must not stop the function.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            ShieldLog.InventoryFailed(publisher.Logger, ex.GetType().Name);
            return [];
        }
    }

    private List<(PackageReference Package, string AdvisoryId)> Match(IReadOnlyList<PackageReference> packages, string file)
    {
        var advisories = OsvAdvisory.ParseFile(File.ReadAllText(file));
        var matches = new List<(PackageReference, string)>();
        foreach (var package in packages.Where(p => p.Type == "package"))
        {
            foreach (var advisory in advisories.Where(a => a.Affects(package.Name, package.Version)))
            {
                matches.Add((package, advisory.Id));
                var rule = ShieldRules.VulnerableDependency;
                ShieldLog.VulnerableDependency(publisher.Logger, rule.Id, package.Name, package.Version, advisory.Id);
                publisher.Publish(rule, ShieldAuditor.ApplicationWide, "startup", $"{package.Name}@{package.Version}",
                    $"{package.Name} {package.Version} is affected by {advisory.Id}.",
                    $"Update {package.Name} to a version the advisory lists as fixed, or remove it.",
                    new Dictionary<string, string>(StringComparer.Ordinal) { ["package"] = package.Name, ["version"] = package.Version, ["advisory"] = advisory.Id });
            }
        }

        return matches;
    }
}
