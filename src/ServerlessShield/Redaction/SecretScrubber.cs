using System.Text;

namespace ServerlessShield;

/// <summary>
/// Removes secrets from text the shield writes to logs: connection-string keys and passwords, SAS signatures,
/// AWS access keys, bearer and basic credentials, JWTs, PEM private keys, Luhn-valid card numbers, plus any literal
/// values and key names the application adds. Every pattern is a single forward scan, so the cost is linear in the
/// text whatever it contains.
/// </summary>
public sealed class SecretScrubber
{
    /// <summary>What a removed secret is replaced with.</summary>
    public const string Marker = "[REDACTED]";

    private static readonly string[] DefaultKeyNames =
    [
        "accountkey", "account_key", "sharedaccesskey", "shared_access_key", "sharedaccesssignature", "password", "passwd", "pwd",
        "clientsecret", "client_secret", "apikey", "api_key", "api-key", "x-api-key", "access_token", "accesstoken", "refresh_token",
        "id_token", "aws_secret_access_key", "secretaccesskey", "secret_access_key", "aws_session_token", "sessiontoken",
        "secret", "sig", "token", "private_key", "privatekey", "connectionstring", "authorization",
    ];

    private static readonly SecretPattern SchemeCredential = new SchemeCredentialPattern();
    private static readonly SecretPattern Jwt = new JwtPattern();
    private static readonly SecretPattern AwsAccessKeyId = new AwsAccessKeyIdPattern();
    private static readonly SecretPattern CardNumber = new CardNumberPattern();

    private readonly SecretPattern _keyValue;
    private readonly string[] _literals;

    /// <summary>Creates a scrubber with the default patterns plus the given extras.</summary>
    /// <param name="extraKeyNames">More key names whose values are secret (<c>X-Tenant-Key</c>).</param>
    /// <param name="literalSecrets">Exact values to remove wherever they appear (values of secret settings). Values under 6 characters are ignored.</param>
    public SecretScrubber(IEnumerable<string>? extraKeyNames = null, IEnumerable<string>? literalSecrets = null)
    {
        _keyValue = new KeyValueSecretPattern(DefaultKeyNames.Concat(extraKeyNames ?? []));
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
        result = SchemeCredential.ReplaceAll(result);
        result = Jwt.ReplaceAll(result);
        result = _keyValue.ReplaceAll(result);
        result = AwsAccessKeyId.ReplaceAll(result);
        return CardNumber.ReplaceAll(result);
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
}
