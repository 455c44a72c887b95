using System.Text;
using FsCheck;
using FsCheck.Fluent;
using ServerlessShield.Testing;

namespace ServerlessShield.HardeningTests.Support;

internal enum Envelope
{
    EngineBody,
    DirectInvoke,
    ApiGateway,
    ApiGatewayBase64,
    Sqs,
    Sns,
}

internal enum Mutation
{
    None,
    Truncate,
    FlipByte,
    DuplicateKey,
    DeepNesting,
    DuplicateSlice,
}

// One generated event: the payload, how it is mutated, which envelope carries it, whether the handler throws.
internal sealed record FuzzCase(string Json, Mutation Mutation, int Where, byte Flip, Envelope Envelope, bool MutateEnvelope, bool HandlerThrows)
{
    public override string ToString() =>
        $"{Envelope} {Mutation}@{Where} flip={Flip:X2} mutateEnvelope={MutateEnvelope} throws={HandlerThrows} json={(Json.Length > 300 ? Json[..300] + "..." : Json)}";
}

internal static class FuzzGen
{
    public const string Canary = "CANARY-5ec7e7-do-not-leak";

    private static readonly string[] Fragments =
    [
        "' OR '1'='1", "1; DROP TABLE users--", "{\"$ne\":null}", "$where", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
        "javascript:alert(1)", "; cat /etc/passwd", "$(id)", "`id`", "| nc 127.0.0.1 4444", "../../../etc/passwd", "..%2f..%2fetc%2fpasswd",
        "{{7*7}}", "${7*7}", "<%= 7*7 %>", "*)(uid=*))(|(uid=*", "(|(cn=*)", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>",
        "${jndi:ldap://127.0.0.1/a}", "${${lower:j}ndi:dns://x}", "\r\nSet-Cookie: a=b", "%0d%0aX: y", "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/", "http://0x7f000001/", "%25%32%65", "\\u0000", "\\\\server\\share", Canary,
    ];

    private static readonly char[] Chars =
    [
        'a', 'b', 'z', 'A', '0', '9', ' ', '"', '\\', '/', '\'', '<', '>', '&', ';', '|', '$', '{', '}', '(', ')', '[', ']', '%', '.', '\t',
        '\n', '\r', '\0', '\u0001', '\u001f', '\u007f', '\u00e9', '\u20ac', '\u2028', '\uFEFF', '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uFFFF',
    ];

    private static Gen<string> RawString =>
        Gen.Frequency(
            (5, Gen.ArrayOf(Gen.Elements(Chars)).Select(cs => new string(cs))),
            (3, Gen.Elements(Fragments)),
            (2, Gen.ArrayOf(Gen.Elements(Fragments)).Select(fs => string.Concat(fs))),
            (1, Gen.Constant(string.Empty)));

    // A JSON string literal; sometimes escaped the way a serializer would, sometimes with everything written as \uXXXX.
    private static Gen<string> StringLiteral =>
        from raw in RawString
        from style in Gen.Choose(0, 2)
        select style switch
        {
            0 => FuzzBytes.Escape(raw, unicodeAll: false),
            1 => FuzzBytes.Escape(raw, unicodeAll: true),
            _ => "\"" + raw.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"",
        };

    public static Gen<string> Json => FuzzJson.Document(StringLiteral, StringLiteral, maxSize: 60);

    public static Gen<FuzzCase> Case(bool lambda) =>
        from json in Json
        from mutation in Gen.Frequency(
            (6, Gen.Constant(Mutation.None)), (2, Gen.Constant(Mutation.Truncate)), (2, Gen.Constant(Mutation.FlipByte)),
            (1, Gen.Constant(Mutation.DuplicateKey)), (1, Gen.Constant(Mutation.DeepNesting)), (1, Gen.Constant(Mutation.DuplicateSlice)))
        from position in Gen.Choose(0, int.MaxValue - 1)
        from flip in Gen.Choose(0, 255)
        from envelope in lambda
            ? Gen.Elements(Envelope.DirectInvoke, Envelope.ApiGateway, Envelope.ApiGatewayBase64, Envelope.Sqs, Envelope.Sns)
            : Gen.Constant(Envelope.EngineBody)
        from mutateEnvelope in Gen.Frequency((9, Gen.Constant(false)), (1, Gen.Constant(true)))
        from throws in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        select new FuzzCase(json, mutation, position, (byte)flip, envelope, lambda && mutateEnvelope, throws);

    public static byte[] Payload(FuzzCase c) => Mutate(Encoding.UTF8.GetBytes(c.Json), c.Mutation, c.Where, c.Flip);

    public static byte[] Mutate(byte[] bytes, Mutation mutation, int where, byte flip)
    {
        var at = bytes.Length == 0 ? 0 : where % bytes.Length;
        switch (mutation)
        {
            case Mutation.Truncate:
                return bytes[..at];
            case Mutation.FlipByte when bytes.Length > 0:
                return FuzzBytes.FlipByte(bytes, at, flip);
            case Mutation.DuplicateKey:
                return Encoding.UTF8.GetBytes("{\"id\":1,\"id\":" + Encoding.UTF8.GetString(bytes) + "}");
            case Mutation.DeepNesting:
                var depth = 1 + (where % 5000);
                return [.. Enumerable.Repeat((byte)'[', depth), .. bytes, .. Enumerable.Repeat((byte)']', depth)];
            case Mutation.DuplicateSlice:
                return FuzzBytes.DuplicateSlice(bytes, at, flip);
            default:
                return bytes;
        }
    }

}
