namespace ServerlessShield.Cli.Audit;

internal enum ConfigNodeKind
{
    Scalar,
    Map,
    List,
}

// A YAML or JSON document as a small tree with line numbers, so every check reads both formats the same way.
// A tagged node (!Ref, !Sub, !GetAtt) keeps its tag: its text is an expression, not a literal value.
internal sealed class ConfigNode
{
    public ConfigNode(ConfigNodeKind kind, int? line, string? value = null, string? tag = null)
    {
        Kind = kind;
        Line = line;
        Value = value;
        Tag = tag;
    }

    public ConfigNodeKind Kind { get; }

    public int? Line { get; }

    public string? Value { get; }

    public string? Tag { get; }

    public List<KeyValuePair<string, ConfigNode>> Properties { get; } = [];

    public List<ConfigNode> Items { get; } = [];

    // A literal scalar: untagged, so not an intrinsic function.
    public string? Text => Kind == ConfigNodeKind.Scalar && Tag is null ? Value : null;

    public ConfigNode? Get(string key, bool ignoreCase = false)
    {
        var comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        foreach (var (name, node) in Properties)
        {
            if (string.Equals(name, key, comparison))
            {
                return node;
            }
        }

        return null;
    }

    // IAM and CloudFormation accept one value or a list of values in the same place.
    public IEnumerable<ConfigNode> AsList() => Kind == ConfigNodeKind.List ? Items : [this];
}
