namespace ServerlessShield;

/// <summary>
/// Flags cross-site scripting. The value is spelled the way an HTML parser reads it (<see cref="MarkupText"/>),
/// then its tags are tokenized (<see cref="HtmlTagScanner"/>), and the tagless forms are checked: attribute
/// breakouts and script URLs (<see cref="AttributeBreakout"/>), script-running CSS (<see cref="CssScriptConstructs"/>)
/// and JavaScript-context injection (<see cref="JavaScriptBreakout"/>).
/// </summary>
internal sealed class CrossSiteScriptingDetector : IInjectionDetector
{
    public ShieldRule Rule => ShieldRules.CrossSiteScripting;

    // MarkupText writes the buffer before exposing it: no need to zero it on every call.
    [System.Runtime.CompilerServices.SkipLocalsInit]
    public bool IsMatch(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return false;
        }

        if (IsEncodedAngleBracketProbe(value) || SevenBitMarkup.Matches(value))
        {
            return true;
        }

        Span<char> stack = stackalloc char[MarkupText.StackBufferSize];
        using var markup = new MarkupText(value, stack);
        var text = markup.Text;
        return HtmlTagScanner.AnyDangerousTag(text)
            || AttributeBreakout.HasEventHandler(text)
            || AttributeBreakout.HasScriptUrl(text)
            || CssScriptConstructs.AnyOutsideMarkup(text)
            || JavaScriptBreakout.Any(text)
            || ContextBreaker.Any(text)
            || Base64WrappedMarkup.Matches(value);
    }

    // &lt; or &#x3c; or \u003c or %3C alone: a probe of how the application decodes and reflects markup. Only an
    // encoded bracket counts; a bare "<" is just a character.
    private static bool IsEncodedAngleBracketProbe(ReadOnlySpan<char> value)
    {
        var trimmed = value.Trim();
        if (trimmed.Length is < 3 or > 16 || trimmed[0] is not ('&' or '\\' or '%'))
        {
            return false;
        }

        var decoded = default(DecodedChars);
        try
        {
            return (ValueCanonicalizer.TryCanonicalize(trimmed, ref decoded) && decoded.Span is "<" or ">")
                || (Html5Entity.TryDecode(trimmed, out var entity, out var length) && length == trimmed.Length && entity is '<' or '>');
        }
        finally
        {
            decoded.Dispose();
        }
    }
}
