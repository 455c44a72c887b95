using System.Buffers;
using System.Globalization;
using System.Net;
using System.Text;

namespace ServerlessShield;

/// <summary>
/// Decodes a value to the form an interpreter downstream would see, so that encoding cannot hide an attack:
/// URL escapes (including <c>%uXXXX</c> and overlong UTF-8), HTML entities (with or without the semicolon),
/// JavaScript and JSON escapes, and Unicode NFKC; in a value with '+' and no whitespace, '+' as a space (form
/// encoding). Each round applies every decoder once; rounds repeat until nothing changes or <see cref="MaxRounds"/>
/// is reached, so the cost stays linear in the input.
/// </summary>
public static class ValueCanonicalizer
{
    /// <summary>The most decoding rounds applied; double and triple encoding are covered, deeper nesting is not decoded further.</summary>
    public const int MaxRounds = 4;

    private static readonly SearchValues<char> EscapeStarts = SearchValues.Create("%&\\");

    private static readonly SearchValues<char> AsciiLettersAndDigits =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");

    private static readonly SearchValues<char> Whitespace = SearchValues.Create(" \t\r\n\f\v\u00A0");

    private static readonly SearchValues<char> Base64Chars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_");

    // Characters NFKC leaves alone wherever they stand: ASCII, and the precomposed Latin-1 letters (with × and ÷).
    // Anything else (a combining mark, a compatibility form, a ligature) may change, so the full check runs.
    private static readonly SearchValues<char> NfkcStable = SearchValues.Create(
        LexChars.Range('\0', '\u007F') + LexChars.Range('\u00C0', '\u00FF'));

    /// <summary>Whether any decoder could change the value: it has an escape character or a character Unicode normalization may change.</summary>
    /// <param name="value">The value.</param>
    /// <returns>False when the value is certainly its own canonical form.</returns>
    public static bool MayDecode(ReadOnlySpan<char> value) =>
        value.IndexOfAny(EscapeStarts) >= 0 || value.IndexOfAnyExcept(NfkcStable) >= 0 || IsFormEncoded(value);

    // A value with '+' and no whitespace reads as form encoding (a query string, a form body), where '+' is a space:
    // admin')+or+('1'='1 is what API Gateway hands over for ?user=admin')+or+('1'='1, and what a form decoder
    // downstream turns back into words. Base64 also holds '+' and no whitespace; read with spaces, its random runs
    // turn into command names and arguments (W+eR/1iv as "W eR/1iv"), so a value that looks like base64 is not.
    private static bool IsFormEncoded(ReadOnlySpan<char> value) =>
        value.Contains('+') && value.IndexOfAny(Whitespace) < 0 && !LooksLikeBase64(value);

    // Twelve or more characters of the base64 alphabet, with capitals, small letters and digits all present.
    private static bool LooksLikeBase64(ReadOnlySpan<char> value) =>
        value.Length >= 12 && value.IndexOfAnyExcept(Base64Chars) < 0
        && value.IndexOfAnyInRange('A', 'Z') >= 0 && value.IndexOfAnyInRange('a', 'z') >= 0 && value.IndexOfAnyInRange('0', '9') >= 0;

    /// <summary>Returns the canonical decoding of a value, or the value itself when nothing decodes.</summary>
    /// <param name="value">The raw value.</param>
    /// <returns>The decoded value.</returns>
    public static string Canonicalize(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return CanonicalizeCore(value) ?? value;
    }

    // The canonical decoding, or null when the value is its own.
    internal static string? CanonicalizeCore(ReadOnlySpan<char> value)
    {
        var canonical = default(DecodedChars);
        try
        {
            return TryCanonicalize(value, ref canonical) ? canonical.Span.ToString() : null;
        }
        finally
        {
            canonical.Dispose();
        }
    }

    // Writes the canonical decoding into `canonical` and returns true, or returns false when the value is its own:
    // a span is decoded without being copied first, into pooled buffers, and nothing is written unless a decoder
    // changes something.
    internal static bool TryCanonicalize(ReadOnlySpan<char> value, ref DecodedChars canonical)
    {
        var scratch = default(DecodedChars);
        try
        {
            // Form decoding reads '+' as a space before any escape (an encoded %2B stays a plus).
            var decoded = false;
            if (IsFormEncoded(value))
            {
                canonical.Reset(value.Length);
                canonical.AppendReplacing(value, '+', ' ');
                decoded = true;
            }

            for (var round = 0; round < MaxRounds; round++)
            {
                // Each decoder reads what the one before it left; a decoder that changes nothing is passed over.
                var changed = Apply(UrlDecodeCore, value, ref decoded, ref canonical, ref scratch);
                changed |= Apply(HtmlDecodeCore, value, ref decoded, ref canonical, ref scratch);
                changed |= Apply(UnescapeJavaScriptCore, value, ref decoded, ref canonical, ref scratch);
                changed |= Apply(NormalizeCore, value, ref decoded, ref canonical, ref scratch);
                if (!changed)
                {
                    break;
                }
            }

            return decoded;
        }
        finally
        {
            scratch.Dispose();
        }
    }

    // A decoder writes its output and returns true when it decoded something.
    private delegate bool Decoder(ReadOnlySpan<char> value, ref DecodedChars output);

    // Runs one decoder on the current text (the value until something decoded); a change makes its output current.
    private static bool Apply(Decoder decoder, ReadOnlySpan<char> value, ref bool decoded, ref DecodedChars current, ref DecodedChars scratch)
    {
        var text = decoded ? current.Span : value;
        if (!decoder(text, ref scratch) || text.SequenceEqual(scratch.Span))
        {
            return false;
        }

        var previous = current;
        current = scratch;
        scratch = previous;
        decoded = true;
        return true;
    }

    // One decoder applied to a whole string, for the public methods.
    private static string Decode(string value, Decoder decoder)
    {
        ArgumentNullException.ThrowIfNull(value);
        var output = default(DecodedChars);
        try
        {
            return decoder(value, ref output) ? output.Span.ToString() : value;
        }
        finally
        {
            output.Dispose();
        }
    }

    /// <summary>Decodes <c>%XX</c> and <c>%uXXXX</c> escapes; decoded bytes are read as UTF-8, accepting overlong forms.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The decoded value.</returns>
    public static string UrlDecode(string value) => Decode(value, UrlDecodeCore);

    private static bool UrlDecodeCore(ReadOnlySpan<char> value, ref DecodedChars output)
    {
        // The output is started at the first escape that decodes; a value without one is not written.
        var started = false;
        var copied = 0;
        for (var i = value.IndexOf('%'); i >= 0; i = IndexFrom(value, '%', i))
        {
            if (IsHexPair(value, i + 1))
            {
                // A run of %XX escapes is read as UTF-8 as a whole.
                Unchanged(ref output, ref started, value, copied, i);
                copied = i + 3;
                while (copied < value.Length && value[copied] == '%' && IsHexPair(value, copied + 1))
                {
                    copied += 3;
                }

                AppendEscapedBytes(value[i..copied], ref output);
                i = copied - 1;
                continue;
            }

            if (i + 1 < value.Length && (value[i + 1] is 'u' or 'U') && TryHex(value, i + 2, 4, out var u))
            {
                Unchanged(ref output, ref started, value, copied, i);
                output.Append((char)u);
                copied = i + 6;
                i = copied - 1;
            }
        }

        return Finish(ref output, started, value, copied);
    }

    /// <summary>Decodes HTML character references, numeric ones also without the closing semicolon, as browsers do.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The decoded value.</returns>
    public static string HtmlDecode(string value) => Decode(value, HtmlDecodeCore);

    private static bool HtmlDecodeCore(ReadOnlySpan<char> value, ref DecodedChars output)
    {
        var started = false;
        var copied = 0;
        for (var i = value.IndexOf('&'); i >= 0; i = IndexFrom(value, '&', i))
        {
            if (i + 2 < value.Length && value[i + 1] == '#')
            {
                var hex = value[i + 2] is 'x' or 'X';
                var start = i + (hex ? 3 : 2);
                var end = start;
                long code = 0;
                while (end < value.Length && end - start < 8 && (hex ? IsHex(value[end]) : char.IsAsciiDigit(value[end])))
                {
                    code = (code * (hex ? 16 : 10)) + HexValue(value[end]);
                    end++;
                }

                if (end > start && code is > 0 and <= 0x10FFFF && code is < 0xD800 or > 0xDFFF)
                {
                    Unchanged(ref output, ref started, value, copied, i);
                    output.AppendCodePoint((int)code);
                    i = end < value.Length && value[end] == ';' ? end : end - 1;
                    copied = i + 1;
                }
            }
            else
            {
                // What WebUtility can decode ends at the semicolon and starts at the last '&' before it, with a letter
                // or '#': "a & b;" holds no reference and is not handed over.
                var semicolon = LexChars.IndexWithin(value, ';', i + 1, 32);
                var last = semicolon > i + 1 ? value[..semicolon].LastIndexOf('&') : -1;
                if (last >= 0 && value[last + 1] is '#' or (>= 'a' and <= 'z') or (>= 'A' and <= 'Z'))
                {
                    // A name (&amp;) is decoded without a string per reference; the '&'s before it stay as written.
                    var name = value[(last + 1)..semicolon];
                    if (name.IndexOfAnyExcept(AsciiLettersAndDigits) < 0)
                    {
                        if (HtmlNamedReferences.Decode(name) is { } reference)
                        {
                            Unchanged(ref output, ref started, value, copied, last);
                            output.Append(reference);
                            i = semicolon;
                            copied = i + 1;
                        }

                        continue;
                    }

                    var entity = value[i..(semicolon + 1)].ToString();
                    var decoded = WebUtility.HtmlDecode(entity);
                    if (!string.Equals(decoded, entity, StringComparison.Ordinal))
                    {
                        Unchanged(ref output, ref started, value, copied, i);
                        output.Append(decoded);
                        i = semicolon;
                        copied = i + 1;
                    }
                }
            }
        }

        return Finish(ref output, started, value, copied);
    }

    /// <summary>Decodes JavaScript and JSON escapes: <c>\uXXXX</c>, <c>\u{X…}</c>, <c>\xXX</c> and the one-letter escapes.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The decoded value.</returns>
    public static string UnescapeJavaScript(string value) => Decode(value, UnescapeJavaScriptCore);

    private static bool UnescapeJavaScriptCore(ReadOnlySpan<char> value, ref DecodedChars output)
    {
        var started = false;
        var copied = 0;
        for (var i = value.IndexOf('\\'); i >= 0 && i + 1 < value.Length; i = IndexFrom(value, '\\', i))
        {
            var e = value[i + 1];
            if (e is 'u' or 'U' && i + 5 < value.Length && TryHex(value, i + 2, 4, out var u))
            {
                Unchanged(ref output, ref started, value, copied, i);
                output.Append((char)u);
                i += 5;
            }
            else if (e is 'u' && i + 2 < value.Length && value[i + 2] == '{')
            {
                var close = LexChars.IndexWithin(value, '}', i + 3, 7);
                if (!(close > i + 3 && TryHex(value, i + 3, close - (i + 3), out var cp) && cp <= 0x10FFFF && cp is < 0xD800 or > 0xDFFF))
                {
                    continue;
                }

                Unchanged(ref output, ref started, value, copied, i);
                output.AppendCodePoint(cp);
                i = close;
            }
            else if (e is 'x' or 'X' && i + 3 < value.Length && TryHex(value, i + 2, 2, out var x))
            {
                Unchanged(ref output, ref started, value, copied, i);
                output.Append((char)x);
                i += 3;
            }
            else if (e is '"' or '\'' or '/' or '\\' or '`')
            {
                Unchanged(ref output, ref started, value, copied, i);
                output.Append(e);
                i++;
            }
            else
            {
                // \n, \t and the like stay as written: a literal backslash-n is not a line break to a shell or a parser.
                continue;
            }

            copied = i + 1;
        }

        return Finish(ref output, started, value, copied);
    }

    /// <summary>Applies Unicode NFKC, folding full-width and compatibility forms (<c>＜</c> becomes <c>&lt;</c>).</summary>
    /// <param name="value">The value.</param>
    /// <returns>The normalised value.</returns>
    public static string Normalize(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Normalized(value) ?? value;
    }

    private static bool NormalizeCore(ReadOnlySpan<char> value, ref DecodedChars output)
    {
        if (Normalized(value) is not { } normalized)
        {
            return false;
        }

        output.Reset(normalized.Length);
        output.Append(normalized);
        return true;
    }

    private static string? Normalized(ReadOnlySpan<char> value)
    {
        if (value.IndexOfAnyExcept(NfkcStable) < 0)
        {
            return null;
        }

        // Without ICU (invariant globalization) Normalize is a no-op: fold what NFKC would turn into ASCII.
        var text = value.ToString();
        if (!CompatibilityToAscii.IcuNormalizes)
        {
            return CompatibilityToAscii.Fold(text);
        }

        try
        {
            return text.IsNormalized(NormalizationForm.FormKC) ? null : text.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            // Lone surrogates cannot be normalised; the limits report them.
            return null;
        }
    }

    // A decoder's output starts at its first change: what came before (from `copied` on) is copied unchanged. The
    // decoders below only shorten, so the output never needs more room than the value.
    private static void Unchanged(ref DecodedChars output, ref bool started, ReadOnlySpan<char> value, int copied, int upTo)
    {
        if (!started)
        {
            output.Reset(value.Length);
            started = true;
        }

        output.Append(value[copied..upTo]);
    }

    // Whether anything decoded; if so, the rest of the value ends the output.
    private static bool Finish(ref DecodedChars output, bool started, ReadOnlySpan<char> value, int copied)
    {
        if (started)
        {
            output.Append(value[copied..]);
        }

        return started;
    }

    // The next occurrence of an escape character after the one at `current`, or -1.
    private static int IndexFrom(ReadOnlySpan<char> value, char escape, int current)
    {
        var next = current + 1 < value.Length ? value[(current + 1)..].IndexOf(escape) : -1;
        return next < 0 ? -1 : current + 1 + next;
    }

    private static bool IsHexPair(ReadOnlySpan<char> value, int start) =>
        start + 1 < value.Length && IsHex(value[start]) && IsHex(value[start + 1]);

    // Reads collected bytes as UTF-8, accepting overlong encodings (%c0%ae is '.'), which lenient servers decode.
    // The length a lead byte announces (110xxxxx two, 1110xxxx three... 1111110x six); 0 for a continuation or 0xFE/0xFF.
    private static int SequenceLength(byte lead) => lead switch
    {
        >= 0xC0 and < 0xE0 => 2,
        >= 0xE0 and < 0xF0 => 3,
        >= 0xF0 and < 0xF8 => 4,
        >= 0xF8 and < 0xFC => 5,
        >= 0xFC and < 0xFE => 6,
        _ => 0,
    };

    // The k-th byte of a run of %XX escapes.
    private static byte EscapedByte(ReadOnlySpan<char> run, int k) => (byte)((HexValue(run[(3 * k) + 1]) << 4) | HexValue(run[(3 * k) + 2]));

    private static bool ContinuationsFollow(ReadOnlySpan<char> run, int lead, int length)
    {
        for (var k = 1; k < length; k++)
        {
            if (!IsContinuation(EscapedByte(run, lead + k)))
            {
                return false;
            }
        }

        return true;
    }

    private static void AppendEscapedBytes(ReadOnlySpan<char> run, ref DecodedChars output)
    {
        var count = run.Length / 3;
        var i = 0;
        while (i < count)
        {
            var b = EscapedByte(run, i);
            if (b < 0x80)
            {
                output.Append((char)b);
                i++;
            }
            else if (SequenceLength(b) is var length and > 1 && i + length <= count && ContinuationsFollow(run, i, length))
            {
                // Lenient, like the decoders attacks aim at: overlong forms of any length (up to the six bytes of the
                // original UTF-8) decode to the character they spell.
                var cp = b & (0x7F >> length);
                for (var k = 1; k < length; k++)
                {
                    cp = (cp << 6) | (EscapedByte(run, i + k) & 0x3F);
                }

                if (length == 2 && b <= 0xC1)
                {
                    output.Append(LenientOverlong.Pair(cp));
                }
                else if (cp is <= 0x10FFFF and (< 0xD800 or > 0xDFFF))
                {
                    output.AppendCodePoint(cp);
                }
                else
                {
                    output.Append('\uFFFD');
                }

                i += length;
            }
            else
            {
                // A lone high byte: Latin-1 is what most lenient decoders fall back to.
                output.Append((char)b);
                i++;
            }
        }
    }

    private static bool IsContinuation(byte b) => (b & 0xC0) == 0x80;

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    private static bool TryHex(ReadOnlySpan<char> s, int start, int length, out int value)
    {
        value = 0;
        if (start + length > s.Length)
        {
            return false;
        }

        return int.TryParse(s.Slice(start, length), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
    }
}
