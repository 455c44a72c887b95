using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ServerlessShield.Cli.Audit;

// Reads YAML and JSON into ConfigNode trees with line numbers. JSON goes through the YAML parser first (JSON is YAML's
// flow style, and that parser knows lines); a JSON file it refuses is read again with System.Text.Json, without lines.
// Short-form CloudFormation tags (!Ref, !Sub, !GetAtt) are kept as tags, never resolved, so they cannot fail the parse.
internal static class ConfigFileReader
{
    // Aliases share nodes; a crafted file could make a walk exponential ("billion laughs"). Stop well before that.
    private const int MaxNodes = 200_000;

    public static ConfigNode Read(string path)
    {
        var text = File.ReadAllText(path);
        var isJson = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
        try
        {
            return ReadYaml(text);
        }
        catch (YamlException) when (isJson)
        {
            return ReadJson(text);
        }
        catch (ArgumentException) when (isJson)
        {
            // Duplicate keys: the YAML model refuses them, System.Text.Json keeps both.
            return ReadJson(text);
        }
    }

    public static ConfigNode ReadYaml(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        if (stream.Documents.Count == 0)
        {
            return new ConfigNode(ConfigNodeKind.Map, null);
        }

        var budget = MaxNodes;
        return Convert(stream.Documents[0].RootNode, ref budget);
    }

    public static ConfigNode ReadJson(string text)
    {
        using var document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        return Convert(document.RootElement);
    }

    private static ConfigNode Convert(YamlNode node, ref int budget)
    {
        if (--budget < 0)
        {
            throw new InvalidDataException("The document has too many nodes (aliases expanding too far).");
        }

        var line = (int)node.Start.Line;
        var tag = node.Tag.IsEmpty || node.Tag.IsNonSpecific ? null : node.Tag.Value;
        switch (node)
        {
            case YamlMappingNode map:
                var result = new ConfigNode(ConfigNodeKind.Map, line, tag: tag);
                foreach (var (key, value) in map.Children)
                {
                    result.Properties.Add(new((key as YamlScalarNode)?.Value ?? string.Empty, Convert(value, ref budget)));
                }

                return result;
            case YamlSequenceNode sequence:
                var list = new ConfigNode(ConfigNodeKind.List, line, tag: tag);
                foreach (var item in sequence.Children)
                {
                    list.Items.Add(Convert(item, ref budget));
                }

                return list;
            case YamlScalarNode scalar:
                return new ConfigNode(ConfigNodeKind.Scalar, line, scalar.Value, tag);
            default:
                return new ConfigNode(ConfigNodeKind.Scalar, line, null, tag);
        }
    }

    private static ConfigNode Convert(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var map = new ConfigNode(ConfigNodeKind.Map, null);
                foreach (var property in element.EnumerateObject())
                {
                    map.Properties.Add(new(property.Name, Convert(property.Value)));
                }

                return map;
            case JsonValueKind.Array:
                var list = new ConfigNode(ConfigNodeKind.List, null);
                foreach (var item in element.EnumerateArray())
                {
                    list.Items.Add(Convert(item));
                }

                return list;
            case JsonValueKind.String:
                return new ConfigNode(ConfigNodeKind.Scalar, null, element.GetString());
            case JsonValueKind.Null:
                return new ConfigNode(ConfigNodeKind.Scalar, null);
            default:
                return new ConfigNode(ConfigNodeKind.Scalar, null, element.GetRawText());
        }
    }
}
