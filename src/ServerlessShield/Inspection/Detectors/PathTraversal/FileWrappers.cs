namespace ServerlessShield;

/// <summary>
/// URL wrappers that read local files or streams when a path parameter is handed to an include or open call:
/// <c>file:</c>, and PHP's <c>php://filter</c>, <c>phar://</c>, <c>zip://</c>, <c>expect://</c> and the rest, and
/// the stream filter names of a filter chain. The text is already lower-cased.
/// </summary>
internal static class FileWrappers
{
    private static readonly MarkerSet Prefixes = new(
        ":.",
        StringComparison.Ordinal,
        "file:/", "file:\\", "php://", "phar://", "zip://", "compress.zlib://", "compress.bzip2://", "expect://", "glob://", "rar://",
        "ogg://", "zlib:", "jar:file:", "netdoc:/",

        // PHP stream filter names, the links of a php://filter chain even when the wrapper is added server-side.
        "convert.iconv.", "convert.base64-", "convert.quoted-printable-", "string.rot13", "string.toupper", "string.tolower",
        "zlib.deflate", "zlib.inflate", "convert.iconv.utf");

    // A wrapper at the start of the text or of a token (not inside a longer name).
    public static bool Any(ReadOnlySpan<char> text) =>
        Prefixes.Any(text, static (text, _, at) => at == 0 || !char.IsAsciiLetterOrDigit(text[at - 1]));
}
