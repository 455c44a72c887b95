using FsCheck;
using FsCheck.Fluent;

namespace ServerlessShield.Testing;

// The structure both fuzz suites generate: JSON trees of objects, arrays and leaves, with awkward numbers and the
// caller's own string literals and keys (the worker suite plants its canary in values only).
internal static class FuzzJson
{
    public static readonly string[] Numbers = ["0", "-1", "1.5e308", "1e999", "-0.0", "123456789012345678901234567890", "3.14", "00", "1.", "NaN", "9".PadLeft(80, '9')];

    // A JSON value of at most maxSize nodes deep-ish: mostly strings, some numbers and literals, objects and arrays.
    public static Gen<string> Document(Gen<string> stringLiteral, Gen<string> key, int maxSize) =>
        Gen.Sized(size => Tree(stringLiteral, key, Math.Min(size, maxSize)));

    // A JSON object at the root, for places that expect one.
    public static Gen<string> Object(Gen<string> stringLiteral, Gen<string> key, int maxSize) =>
        Gen.Sized(size => Members(stringLiteral, key, Math.Min(size, maxSize) / 3));

    private static Gen<string> Members(Gen<string> stringLiteral, Gen<string> key, int size) =>
        Gen.ListOf(from k in key from value in Tree(stringLiteral, key, size) select k + ":" + value)
            .Select(members => "{" + string.Join(",", members) + "}");

    private static Gen<string> Leaf(Gen<string> stringLiteral) =>
        Gen.Frequency(
            (6, stringLiteral),
            (2, Gen.Elements(Numbers)),
            (1, Gen.Elements("true", "false", "null")));

    private static Gen<string> Tree(Gen<string> stringLiteral, Gen<string> key, int size) =>
        size <= 0
            ? Leaf(stringLiteral)
            : Gen.Frequency(
                (3, Leaf(stringLiteral)),
                (2, Gen.ListOf(Tree(stringLiteral, key, size / 3)).Select(items => "[" + string.Join(",", items) + "]")),
                (3, Members(stringLiteral, key, size / 3)));
}
