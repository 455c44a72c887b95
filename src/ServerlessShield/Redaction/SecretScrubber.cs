using System.Text;
using System.Text.RegularExpressions;

namespace ServerlessShield;

/// <summary>
/// Removes secrets from text the shield writes to logs: connection-string keys and passwords, SAS signatures,
/// AWS access keys, bearer and basic credentials, JWTs, PEM private keys, Luhn-valid card numbers, plus any literal
/// values and key names the application adds. Every pattern runs with <see cref="RegexOptions.NonBacktracking"/>,
/// so the cost is linear in the text whatever it contains.
/// </summary>
public sealed class SecretScrubber
{
    /// <summary>What a removed secret is replaced with.</summary>
    public const string Marker = "[REDACTED]";

    private const RegexOptions Options = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant;

    private static readonly string[] DefaultKeyNames =
    [
        "accountkey", "account_key", "sharedaccesskey", "shared_access_key", "sharedaccesssignature", "password", "passwd", "pwd",
        "clientsecret", "client_secret", "apikey", "api_key", "api-key", "x-api-key", "access_token", "accesstoken", "refresh_token",
        "id_token", "aws_secret_access_key", "secretaccesskey", "secret_access_key", "aws_session_token", "sessiontoken",
        "secret", "sig", "token", "private_key", "privatekey", "connectionstring", "authorization",
    ];

    private readonly string _keyValuePattern;
    private readonly string[] _literals;
    private Regex? _keyValue;

    /// <summary>Creates a scrubber with the default patterns plus the given extras.</summary>
    /// <param name="extraKeyNames">More key names whose values are secret (<c>X-Tenant-Key</c>).</param>
    /// <param name="literalSecrets">Exact values to remove wherever they appear (values of secret settings). Values under 6 characters are ignored.</param>
    public SecretScrubber(IEnumerable<string>? extraKeyNames = null, IEnumerable<string>? literalSecrets = null)
    {
        var names = DefaultKeyNames.Concat(extraKeyNames ?? []).Select(n => Regex.Escape(n.Trim().ToLowerInvariant())).Where(n => n.Length > 0).Distinct();
        // key, optional quote, = or :, optional quote and space, then the value up to a delimiter.
        _keyValuePattern = @"(?<key>(?:" + string.Join('|', names) + @")[""']?\s*[=:]\s*[""']?)(?<value>[^;&\s""',}<>]+)";
        _literals = [.. (literalSecrets ?? []).Where(s => s.Length >= 6).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length)];
    }

    /// <summary>A scrubber with the default patterns only.</summary>
    public static SecretScrubber Default { get; } = new();

    /// <summary>Returns the text with every secret replaced by <see cref="Marker"/>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The scrubbed text.</returns>
    public string Scrub(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        var result = RemovePrivateKeys(text);
        foreach (var literal in _literals)
        {
            result = result.Replace(literal, Marker, StringComparison.Ordinal);
        }

        // Scheme credentials first: "Authorization: Bearer x" must lose x, not just the word Bearer.
        result = Patterns.SchemeCredential.Replace(result, m => m.Value[..m.Value.IndexOfAny([' ', '\t'])] + " " + Marker);
        result = Patterns.Jwt.Replace(result, Marker);
        result = KeyValue.Replace(result, m => m.Groups["key"].Value + Marker);
        result = Patterns.AwsAccessKeyId.Replace(result, Marker);
        result = Patterns.CardNumber.Replace(result, m => IsLuhnValid(m.ValueSpan) ? Marker : m.Value);
        return result;
    }

    // Built on the first scrub, not at startup: scrubbing runs on failures, and building these engines is most of the
    // shield's cold-start cost under Native AOT.
    private Regex KeyValue => LazyInitializer.EnsureInitialized(ref _keyValue, () => new Regex(_keyValuePattern, Options | RegexOptions.IgnoreCase));

    // The fixed patterns, initialised when a scrub first needs them.
    private static class Patterns
    {
        public static readonly Regex AwsAccessKeyId = new(@"\b(?:AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|APKA|ABIA|ACCA)[A-Z0-9]{16}\b", Options);
        public static readonly Regex SchemeCredential = new(@"\b(?:[Bb]earer|[Bb]asic)\s+[A-Za-z0-9\-._~+/]{8,}=*", Options);
        public static readonly Regex Jwt = new(@"\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*", Options);
        public static readonly Regex CardNumber = new(@"\b\d(?:[ -]?\d){12,18}\b", Options);
    }

    // PEM blocks span lines; a plain scan for the armour lines is simpler and safer than a pattern.
    private static string RemovePrivateKeys(string text)
    {
        var begin = text.IndexOf("-----BEGIN", StringComparison.Ordinal);
        if (begin < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var position = 0;
        while (begin >= 0)
        {
            var headerEnd = text.IndexOf("-----", begin + 10, StringComparison.Ordinal);
            if (headerEnd < 0 || !text.AsSpan(begin, headerEnd - begin).Contains("PRIVATE KEY", StringComparison.Ordinal))
            {
                begin = text.IndexOf("-----BEGIN", begin + 10, StringComparison.Ordinal);
                continue;
            }

            builder.Append(text, position, begin - position).Append(Marker);
            var end = text.IndexOf("-----END", headerEnd + 5, StringComparison.Ordinal);
            var close = end < 0 ? -1 : text.IndexOf("-----", end + 8, StringComparison.Ordinal);
            position = close < 0 ? text.Length : close + 5;
            begin = text.IndexOf("-----BEGIN", position, StringComparison.Ordinal);
        }

        return builder.Append(text, position, text.Length - position).ToString();
    }

    private static bool IsLuhnValid(ReadOnlySpan<char> candidate)
    {
        var sum = 0;
        var digits = 0;
        var doubleIt = false;
        for (var i = candidate.Length - 1; i >= 0; i--)
        {
            var c = candidate[i];
            if (!char.IsAsciiDigit(c))
            {
                continue;
            }

            var d = c - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            digits++;
            doubleIt = !doubleIt;
        }

        return digits is >= 13 and <= 19 && sum % 10 == 0;
    }
}
