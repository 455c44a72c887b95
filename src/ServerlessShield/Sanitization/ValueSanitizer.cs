using System.Text;

namespace ServerlessShield;

/// <summary>
/// Neutralises a string value in Sanitize mode: decoded to its canonical form (so an encoded payload cannot survive
/// as an encoded payload), Unicode-normalised (NFKC), control characters removed, line breaks turned into spaces,
/// then HTML-encoded as plain text, or cleaned as HTML where the field allows HTML.
/// </summary>
public static class ValueSanitizer
{
    /// <summary>The rules whose findings the shield can neutralise; any other rule blocks even in Sanitize mode.</summary>
    public static IReadOnlySet<ShieldRule> SanitizableRules { get; } = new HashSet<ShieldRule>
    {
        ShieldRules.CrossSiteScripting,
        ShieldRules.CrlfInjection,
        ShieldRules.NulCharacter,
    };

    /// <summary>Sanitizes a plain-text value.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The neutralised value.</returns>
    public static string SanitizeText(string value) => HtmlEncode(Clean(value));

    /// <summary>Sanitizes a value of a field that allows HTML.</summary>
    /// <param name="value">The value.</param>
    /// <param name="html">The HTML cleaner; null HTML-encodes instead.</param>
    /// <returns>The neutralised value.</returns>
    public static string SanitizeHtml(string value, IHtmlFieldSanitizer? html) =>
        html is null ? SanitizeText(value) : html.Sanitize(ValueCanonicalizer.Normalize(RemoveControls(value, keepLineBreaks: true)));

    /// <summary>HTML-encodes the five characters that matter in HTML text and attributes, leaving every other character as it is.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The encoded value.</returns>
    public static string HtmlEncode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.AsSpan().IndexOfAny("<>&\"'") < 0)
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 16);
        foreach (var c in value)
        {
            builder.Append(c switch
            {
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => null,
            } ?? c.ToString());
        }

        return builder.ToString();
    }

    // Canonical form, NFKC, no control characters, line breaks as spaces.
    private static string Clean(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return RemoveControls(ValueCanonicalizer.Canonicalize(value), keepLineBreaks: false);
    }

    private static string RemoveControls(string value, bool keepLineBreaks)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '\r' or '\n' or '\u0085' or '\u2028' or '\u2029')
            {
                builder.Append(keepLineBreaks ? c : ' ');
            }
            else if (c == '\t' || !(char.IsControl(c) || c is '\u200B' or '\u200E' or '\u200F' or '\u202A' or '\u202B' or '\u202C' or '\u202D' or '\u202E' or '\uFEFF'))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
