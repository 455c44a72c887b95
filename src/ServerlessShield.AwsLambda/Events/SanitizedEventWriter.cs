using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ServerlessShield.AwsLambda;

// Sanitize mode rewrites inputs in the shield's model; the handler receives the event, so the cleaned data is
// written back where each input came from (a JSON string, base64 in a string, a JSON value, the whole event), the
// rest of the event untouched. An input the shield cannot put back is returned, so the caller blocks it instead of
// passing the original on.
internal static class SanitizedEventWriter
{
    public static List<ShieldInput> Apply(LambdaEvent lambdaEvent, ShieldContext context)
    {
        List<(InputLocation Location, ShieldInput Input)>? writes = null;
        var unplaced = new List<ShieldInput>();
        for (var i = 0; i < context.Inputs.Count; i++)
        {
            var input = context.Inputs[i];
            if (!input.IsSanitized)
            {
                continue;
            }

            if (lambdaEvent.Locations.TryGetValue(i, out var location) && (location.Encoding == InputEncoding.WholeEvent || lambdaEvent.Document is not null))
            {
                (writes ??= []).Add((location, input));
            }
            else
            {
                unplaced.Add(input);
            }
        }

        if (writes is not null && !TryRewrite(lambdaEvent, writes))
        {
            unplaced.AddRange(writes.Select(w => w.Input));
        }

        return unplaced;
    }

    private static bool TryRewrite(LambdaEvent lambdaEvent, List<(InputLocation Location, ShieldInput Input)> writes)
    {
        try
        {
            var whole = writes.Find(w => w.Location.Encoding == InputEncoding.WholeEvent);
            if (whole.Input is not null)
            {
                // The whole event was one input (a direct invoke): its cleaned form is the event.
                var data = whole.Input.Data.ToArray();
                if (lambdaEvent.Document is null)
                {
                    lambdaEvent.Bytes = data;
                }
                else
                {
                    lambdaEvent.Replace(data);
                }

                return true;
            }

            var root = JsonNode.Parse(LambdaEventParser.SkipBom(lambdaEvent.Bytes).Span, documentOptions: new JsonDocumentOptions { MaxDepth = lambdaEvent.MaxDepth });
            foreach (var (location, input) in writes)
            {
                if (!TrySet(root, location, input.Data))
                {
                    return false;
                }
            }

            using var output = new MemoryStream(lambdaEvent.Bytes.Length + 64);
            using (var writer = new Utf8JsonWriter(output))
            {
                root!.WriteTo(writer);
            }

            lambdaEvent.Replace(output.ToArray());
            return true;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException)
        {
            return false;
        }
    }

    private static bool TrySet(JsonNode? root, InputLocation location, ReadOnlyMemory<byte> data)
    {
        var node = root;
        var segments = location.Segments;
        for (var i = 0; i < segments.Length - 1 && node is not null; i++)
        {
            node = segments[i] is int index ? node.AsArray()[index] : node.AsObject()[(string)segments[i]];
        }

        if (node is null || segments.Length == 0)
        {
            return false;
        }

        JsonNode? value = location.Encoding switch
        {
            InputEncoding.Base64 => JsonValue.Create(Convert.ToBase64String(data.Span)),
            InputEncoding.Json => JsonNode.Parse(data.Span),
            _ => JsonValue.Create(Encoding.UTF8.GetString(data.Span)),
        };
        if (segments[^1] is int last)
        {
            node.AsArray()[last] = value;
        }
        else
        {
            node.AsObject()[(string)segments[^1]] = value;
        }

        return true;
    }
}
