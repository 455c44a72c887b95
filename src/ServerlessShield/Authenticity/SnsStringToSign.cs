using System.Text;
using System.Text.Json;

namespace ServerlessShield;

// The canonical text SNS signs: "Name\nValue\n" for each field in this order, per AWS's "Verifying the signatures of
// Amazon SNS messages". Notification: Message, MessageId, Subject (only when present), Timestamp, TopicArn, Type.
// SubscriptionConfirmation and UnsubscribeConfirmation: Message, MessageId, SubscribeURL, Timestamp, Token, TopicArn, Type.
// Lambda's SNS records spell some names differently (SigningCertUrl, UnsubscribeUrl), so names match case-insensitively.
internal sealed class SnsStringToSign
{
    private static readonly string[] NotificationFields = ["Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type"];
    private static readonly string[] ConfirmationFields = ["Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type"];

    private readonly Dictionary<string, string?> _fields;

    private SnsStringToSign(Dictionary<string, string?> fields) => _fields = fields;

    public string? Type => Get("Type");

    public string? SignatureVersion => Get("SignatureVersion");

    public string? Signature => Get("Signature");

    public string? SigningCertUrl => Get("SigningCertURL");

    public static SnsStringToSign? Parse(ReadOnlyMemory<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var fields = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                fields[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
            }

            return new SnsStringToSign(fields);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // Null when the type is unknown or a field the type signs is missing.
    public string? Build()
    {
        var names = Type switch
        {
            "Notification" => NotificationFields,
            "SubscriptionConfirmation" or "UnsubscribeConfirmation" => ConfirmationFields,
            _ => null,
        };
        if (names is null)
        {
            return null;
        }

        var text = new StringBuilder(256);
        foreach (var name in names)
        {
            var value = Get(name);
            if (value is null)
            {
                if (name == "Subject")
                {
                    continue;
                }

                return null;
            }

            text.Append(name).Append('\n').Append(value).Append('\n');
        }

        return text.ToString();
    }

    private string? Get(string name) => _fields.TryGetValue(name, out var value) ? value : null;
}
