namespace ServerlessShield;

/// <summary>The detectors that ship with the shield, one per injection class.</summary>
public static class BuiltInDetectors
{
    /// <summary>Every built-in detector, in the order they run.</summary>
    public static IReadOnlyList<IInjectionDetector> All { get; } =
    [
        new JndiLookupDetector(),
        new XmlExternalEntityDetector(),
        new NoSqlInjectionDetector(),
        new TemplateInjectionDetector(),
        new SqlInjectionDetector(),
        new LdapInjectionDetector(),
        new CrossSiteScriptingDetector(),
        new CommandInjectionDetector(),
        new PathTraversalDetector(),
        new CrlfInjectionDetector(),
        new ServerSideRequestForgeryDetector(),
    ];
}
