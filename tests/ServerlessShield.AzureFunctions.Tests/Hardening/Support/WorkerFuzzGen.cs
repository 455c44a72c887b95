using System.Text;
using FsCheck;
using FsCheck.Fluent;
using ServerlessShield.AzureFunctions.TestApp;
using ServerlessShield.Testing;

namespace ServerlessShield.AzureFunctions.Tests.Hardening.Support;

public enum Mutation
{
    None,
    Truncate,
    FlipByte,
    InvalidUtf8,
    DeepNesting,
    HugeString,
    DuplicateKey,
    SpliceInjection,
    DuplicateSlice,
}

/// <summary>How one generated payload is damaged: the kind, where (a position, taken modulo the length) and with what.</summary>
public sealed record Damage(Mutation Mutation, int Where, byte Flip, int Size)
{
    public override string ToString() => $"{Mutation}@{Where} flip={Flip:X2} size={Size}";
}

/// <summary>
/// Structure-aware generators for the worker fuzz tests: JSON documents whose string values carry injection strings and
/// the canary (keys never carry the canary: field paths name keys in findings, by design), then damaged at the byte level.
/// </summary>
public static class WorkerFuzzGen
{
    public const string Canary = HardeningFunctions.Canary;

    public static readonly string[] Injections =
    [
        "' OR '1'='1", "1; DROP TABLE users--", "UNION SELECT password FROM users", "{\"$ne\":null}", "$where", "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>", "javascript:alert(1)", "; cat /etc/passwd", "; rm -rf /", "$(curl 127.0.0.1)", "`id`",
        "../../../etc/passwd", "..%2f..%2fetc%2fpasswd", "{{7*7}}", "${7*7}", "<%= 7*7 %>", "*)(uid=*))(|(uid=*",
        "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>", "${jndi:ldap://127.0.0.1/a}", "\r\nSet-Cookie: a=b", "%0d%0aX: y",
        "http://169.254.169.254/latest/meta-data/", "\\u0000", "\0", "\\\\server\\share", "password=hunter2",
    ];

    private static readonly string[] Keys =
    [
        "id", "name", "comment", "data", "items", "a", "b", "Sku", "Quantity", "title", "x-y", "$type", "__proto__", "constructor", "",
        "deep.key", "k\u00e9y", "<script>", "' OR '1'='1",
    ];

    private static readonly char[] Chars =
    [
        'a', 'b', 'z', 'A', '0', '9', ' ', '"', '\\', '/', '\'', '<', '>', '&', ';', '|', '$', '{', '}', '(', ')', '[', ']', '%', '.', '=', '\t',
        '\n', '\r', '\0', '\u0001', '\u001f', '\u007f', '\u00e9', '\u20ac', '\u2028', '\uFEFF', '\uD800', '\uDC00', '\uFFFF',
    ];

    /// <summary>Raw text a field may hold: characters, injection strings, the canary, or a mix.</summary>
    public static Gen<string> RawString =>
        Gen.Frequency(
            (4, Gen.ArrayOf(Gen.Elements(Chars)).Select(cs => new string(cs))),
            (3, Gen.Elements(Injections)),
            (2, Gen.Constant(Canary)),
            (2, Gen.ArrayOf(Gen.Elements([.. Injections, Canary])).Select(string.Concat)),
            (1, Gen.Constant(string.Empty)));

    /// <summary>Text without lone surrogates, for places that carry it as a protobuf string (headers, query, metadata).</summary>
    public static Gen<string> Text => RawString.Select(WellFormed);

    private static Gen<string> StringLiteral =>
        from raw in RawString
        from style in Gen.Choose(0, 2)
        select style switch
        {
            0 => FuzzBytes.Escape(raw, unicodeAll: false),
            1 => FuzzBytes.Escape(raw, unicodeAll: true),
            _ => "\"" + raw.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"",
        };

    private static Gen<string> Key => Gen.Elements(Keys).Select(k => FuzzBytes.Escape(k, unicodeAll: false));

    /// <summary>A JSON document (any value at the root; mostly objects and arrays).</summary>
    public static Gen<string> Json => FuzzJson.Document(StringLiteral, Key, maxSize: 40);

    /// <summary>A JSON object, for places that expect one (application properties, Event Grid data).</summary>
    public static Gen<string> JsonObject => FuzzJson.Object(StringLiteral, Key, maxSize: 40);

    public static Gen<Damage> Damage =>
        from mutation in Gen.Frequency(
            (5, Gen.Constant(Mutation.None)), (2, Gen.Constant(Mutation.Truncate)), (2, Gen.Constant(Mutation.FlipByte)),
            (2, Gen.Constant(Mutation.InvalidUtf8)), (1, Gen.Constant(Mutation.DeepNesting)), (1, Gen.Constant(Mutation.HugeString)),
            (1, Gen.Constant(Mutation.DuplicateKey)), (2, Gen.Constant(Mutation.SpliceInjection)), (1, Gen.Constant(Mutation.DuplicateSlice)))
        from position in Gen.Choose(0, int.MaxValue - 1)
        from flip in Gen.Choose(0, 255)
        from size in Gen.Elements(70_000, 300_000, 1_100_000)
        select new Damage(mutation, position, (byte)flip, size);

    public static byte[] Apply(string json, Damage damage) => Apply(Encoding.UTF8.GetBytes(json), damage);

    public static byte[] Apply(byte[] bytes, Damage damage)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(damage);
        var at = bytes.Length == 0 ? 0 : damage.Where % bytes.Length;
        switch (damage.Mutation)
        {
            case Mutation.Truncate:
                return bytes[..at];
            case Mutation.FlipByte when bytes.Length > 0:
                return FuzzBytes.FlipByte(bytes, at, damage.Flip);
            case Mutation.InvalidUtf8:
                byte[][] invalid = [[0xC0, 0x80], [0xFF], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xFE, 0xFF]];
                return [.. bytes[..at], .. invalid[damage.Flip % invalid.Length], .. bytes[at..]];
            case Mutation.DeepNesting:
                var depth = 1 + (damage.Where % 5000);
                var open = damage.Flip % 2 == 0 ? "[" : "{\"a\":";
                var close = damage.Flip % 2 == 0 ? "]" : "}";
                return [.. Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(open, depth))), .. bytes, .. Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(close, depth)))];
            case Mutation.HugeString:
                var filler = damage.Flip % 3 == 0 ? Canary + " " : damage.Flip % 3 == 1 ? "a" : "<script>";
                var huge = new StringBuilder(damage.Size + 32).Append("{\"big\":\"");
                while (huge.Length < damage.Size)
                {
                    huge.Append(filler);
                }

                return [.. Encoding.UTF8.GetBytes(huge.Append("\",\"rest\":").ToString()), .. bytes, (byte)'}'];
            case Mutation.DuplicateKey:
                return [.. "{\"id\":1,\"id\":"u8.ToArray(), .. bytes, (byte)'}'];
            case Mutation.SpliceInjection:
                // Into a string value (never a key: field paths name keys, by design), at or else before the position.
                var splice = Encoding.UTF8.GetBytes(FuzzBytes.Escape(Injections[damage.Flip % Injections.Length] + Canary, unicodeAll: false)[1..^1]);
                var value = ValueStart(bytes, at) ?? ValueStart(bytes, 0);
                return value is { } start
                    ? [.. bytes[..start], .. splice, .. bytes[start..]]
                    : [.. Encoding.UTF8.GetBytes("{\"spliced\":\""), .. splice, .. "\",\"rest\":"u8.ToArray(), .. bytes, (byte)'}'];
            case Mutation.DuplicateSlice:
                return FuzzBytes.DuplicateSlice(bytes, at, damage.Flip);
            default:
                return bytes;
        }
    }

    // Just inside the opening quote of a string value (after ':' or '[') at or after the position.
    private static int? ValueStart(byte[] bytes, int from)
    {
        for (var i = from; i + 1 < bytes.Length; i++)
        {
            if (bytes[i] is (byte)':' or (byte)'[' && bytes[i + 1] == (byte)'"')
            {
                return i + 2;
            }
        }

        return null;
    }

    /// <summary>The text with every lone surrogate replaced, as a protobuf string field would carry it.</summary>
    public static string WellFormed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text));
    }

}
