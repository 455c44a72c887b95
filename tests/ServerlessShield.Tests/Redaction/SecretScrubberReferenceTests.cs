using System.Text;
using System.Text.RegularExpressions;

namespace ServerlessShield.Tests.Redaction;

// The scrubber's scanners against the regular expressions they were written from: on generated text dense with the
// pieces of every secret shape (schemes, JWT segments, key names, separators, quotes, digit groups, word and
// non-word characters), both must produce the same output, match for match.
public class SecretScrubberReferenceTests
{
    private const RegexOptions Options = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant;

    private static readonly string[] KeyNames =
    [
        "accountkey", "account_key", "sharedaccesskey", "shared_access_key", "sharedaccesssignature", "password", "passwd", "pwd",
        "clientsecret", "client_secret", "apikey", "api_key", "api-key", "x-api-key", "access_token", "accesstoken", "refresh_token",
        "id_token", "aws_secret_access_key", "secretaccesskey", "secret_access_key", "aws_session_token", "sessiontoken",
        "secret", "sig", "token", "private_key", "privatekey", "connectionstring", "authorization",
    ];

    private static readonly Regex SchemeCredential = new(@"\b(?:[Bb]earer|[Bb]asic)\s+[A-Za-z0-9\-._~+/]{8,}=*", Options);
    private static readonly Regex Jwt = new(@"\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*", Options);
    private static readonly Regex AwsAccessKeyId = new(@"\b(?:AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|APKA|ABIA|ACCA)[A-Z0-9]{16}\b", Options);
    private static readonly Regex CardNumber = new(@"\b\d(?:[ -]?\d){12,18}\b", Options);
    private static readonly Regex KeyValue = new(
        @"(?<key>(?:" + string.Join('|', KeyNames.Select(Regex.Escape)) + @")[""']?\s*[=:]\s*[""']?)(?<value>[^;&\s""',}<>]+)",
        Options | RegexOptions.IgnoreCase);

    private static readonly string[] Pieces =
    [
        "Bearer", "bearer", "Basic", "basic", "BEARER", " ", "  ", "\t", "\n", "eyJ", "eyJhbGci", ".", "..", "abcd", "AbC9",
        "-", "_", "~", "+", "/", "=", "==", ":", "\"", "'", ";", "&", ",", "}", "<", ">", "AKIA", "ASIA", "ACCA",
        "ABCDEFGHIJKLMNOP", "0123456789ABCDEF", "Q3EXAMPLE7CANARY", "4111", "1111", "4", "0", "12", "5555 5555",
        "4111-1111-1111-1111", "password", "PassWord", "pwd", "api-key", "x-api-key", "Api_Key", "secret", "sig",
        "token", "id_token", "AccountKey", "client_secret", "é", "ü", "\u200D", "\u0663", "x", "Q", "z9",
    ];

    [Fact]
    public void Scrub_MatchesTheRegularExpressions_OnGeneratedText()
    {
        var random = new Random(20261129);
        var scrubber = new SecretScrubber();
        var builder = new StringBuilder();
        for (var n = 0; n < 20_000; n++)
        {
            builder.Clear();
            var pieces = random.Next(1, 24);
            for (var p = 0; p < pieces; p++)
            {
                builder.Append(Pieces[random.Next(Pieces.Length)]);
            }

            var text = builder.ToString();
            Assert.True(Reference(text) == scrubber.Scrub(text), $"differs on: {text.ReplaceLineEndings("\\n")}");
        }
    }

    [Theory]
    [InlineData("Authorization: Bearer abcdef0123456789ghijkl==")]
    [InlineData("basic\tdXNlcjpwYXNzd29yZA== then Basic short")]
    [InlineData("x-api-key: 'abc' DbPassword=hunter2;next=1 pwd = \"quoted value\"")]
    [InlineData("AKIAQ3EXAMPLE7CANARY AKIAQ3EXAMPLE7CANARYX ASIAQ3EXAMPLE7CANARY.")]
    [InlineData("cards 4111 1111 1111 1111, 4111-1111-1111-1112 and 41111111111111111111111")]
    [InlineData("jwt eyJhbGci.eyJzdWIi.c2ln and xeyJhbGci.eyJzdWIi.c2ln")]
    public void Scrub_MatchesTheRegularExpressions_OnKnownShapes(string text)
    {
        Assert.Equal(Reference(text), new SecretScrubber().Scrub(text));
    }

    // The regular-expression scrubber the scanners replaced (the scheme is kept by its length: the regex version
    // cut at the first space or tab and failed on a line break after the scheme).
    private static string Reference(string text)
    {
        var result = SchemeCredential.Replace(text, m => m.Value[..(m.Value[1] == 'e' ? 6 : 5)] + " " + SecretScrubber.Marker);
        result = Jwt.Replace(result, SecretScrubber.Marker);
        result = KeyValue.Replace(result, m => m.Groups["key"].Value + SecretScrubber.Marker);
        result = AwsAccessKeyId.Replace(result, SecretScrubber.Marker);
        return CardNumber.Replace(result, m => IsLuhnValid(m.Value) ? SecretScrubber.Marker : m.Value);
    }

    private static bool IsLuhnValid(string candidate)
    {
        var digits = candidate.Where(char.IsAsciiDigit).Select(c => c - '0').Reverse().ToArray();
        var sum = digits.Select((d, i) => i % 2 == 1 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d).Sum();
        return digits.Length is >= 13 and <= 19 && sum % 10 == 0;
    }
}
