using System.Text.Json;

namespace ServerlessShield.AwsLambda;

// Where an input was taken from in the event and how it is encoded there, so Sanitize mode can write the cleaned
// data back into the event the handler receives. Segments are property names (string) and array indexes (int),
// built by the extractor itself: never parsed back from a path, which a topic or attribute name could make ambiguous.
internal sealed record InputLocation(object[] Segments, InputEncoding Encoding)
{
    public static InputLocation WholeEvent { get; } = new([], InputEncoding.WholeEvent);

    public static InputLocation Of(InputEncoding encoding, params object[] segments) => new(segments, encoding);

    // A JSON value read as its own input: objects and arrays go back as JSON, strings as text.
    public static InputLocation ForValue(JsonElement value, params object[] segments) =>
        new(segments, value.ValueKind == JsonValueKind.String ? InputEncoding.Text : InputEncoding.Json);
}
