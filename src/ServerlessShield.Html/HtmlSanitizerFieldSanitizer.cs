using Ganss.Xss;

namespace ServerlessShield;

/// <summary>An <see cref="IHtmlFieldSanitizer"/> backed by HtmlSanitizer's allow-list of tags, attributes, CSS and URL schemes.</summary>
public sealed class HtmlSanitizerFieldSanitizer : IHtmlFieldSanitizer
{
    private readonly HtmlSanitizer _sanitizer;

    /// <summary>Creates the sanitizer with HtmlSanitizer's default allow-lists.</summary>
    public HtmlSanitizerFieldSanitizer()
        : this(new HtmlSanitizer())
    {
    }

    /// <summary>Creates the sanitizer around a configured HtmlSanitizer.</summary>
    /// <param name="sanitizer">The configured sanitizer; it is thread-safe once configured.</param>
    public HtmlSanitizerFieldSanitizer(HtmlSanitizer sanitizer)
    {
        ArgumentNullException.ThrowIfNull(sanitizer);
        _sanitizer = sanitizer;
    }

    /// <inheritdoc />
    public string Sanitize(string html) => _sanitizer.Sanitize(html);
}
