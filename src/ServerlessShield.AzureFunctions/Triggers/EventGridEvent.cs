using System.Text;
using System.Text.Json;

namespace ServerlessShield.AzureFunctions;

// The parts of one Event Grid event the shield needs, in the Event Grid schema (id, eventType, subject, data) or the
// CloudEvents 1.0 schema (id, type, subject, data or data_base64), read in one forward pass over its top-level properties.
internal readonly record struct EventGridEvent(string? Id, string? Type, string? Subject, ReadOnlyMemory<byte>? Data, InputFormat DataFormat, string DataProperty)
{
    public const string ValidationEventType = "Microsoft.EventGrid.SubscriptionValidationEvent";

    public bool IsSubscriptionValidation => string.Equals(Type, ValidationEventType, StringComparison.Ordinal);

    /// <summary>Reads an event object; false when the bytes are not a JSON object.</summary>
    public static bool TryRead(ReadOnlyMemory<byte> json, out EventGridEvent value)
    {
        value = default;
        string? id = null, type = null, subject = null, dataProperty = "data";
        ReadOnlyMemory<byte>? data = null;
        var format = InputFormat.Auto;
        var reader = new Utf8JsonReader(json.Span);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            var dataSeen = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                // ValueTextEquals unescapes, so "d\u0061ta" is data too, as every JSON parser downstream will read it.
                var isId = reader.ValueTextEquals("id"u8);
                var isType = reader.ValueTextEquals("eventType"u8) || reader.ValueTextEquals("type"u8);
                var isSubject = reader.ValueTextEquals("subject"u8);
                var isData = reader.ValueTextEquals("data"u8);
                var isBase64 = reader.ValueTextEquals("data_base64"u8);
                reader.Read();
                if ((isData || isBase64) && dataSeen)
                {
                    // Two payloads: parsers disagree on which one wins, so the caller inspects the whole event instead.
                    return false;
                }

                if (isId && reader.TokenType == JsonTokenType.String)
                {
                    id = reader.GetString();
                }
                else if (isType && reader.TokenType == JsonTokenType.String)
                {
                    type = reader.GetString();
                }
                else if (isSubject && reader.TokenType == JsonTokenType.String)
                {
                    subject = reader.GetString();
                }
                else if (isData)
                {
                    (data, format) = ReadData(ref reader, json);
                    dataSeen = true;
                }
                else if (isBase64 && reader.TokenType == JsonTokenType.String)
                {
                    // CloudEvents binary data: inspect what it decodes to; data that is not base64 is inspected as sent.
                    var text = reader.GetString()!;
                    var buffer = new byte[text.Length];
                    data = Convert.TryFromBase64String(text, buffer, out var written) ? buffer.AsMemory(0, written) : Encoding.UTF8.GetBytes(text);
                    format = InputFormat.Auto;
                    dataProperty = "data_base64";
                    dataSeen = true;
                }
                else
                {
                    reader.Skip();
                }
            }

            value = new EventGridEvent(id, type, subject, data, format, dataProperty);
            return reader.TokenType == JsonTokenType.EndObject;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: GetString on a string that escapes a lone surrogate. Not readable as an event:
            // the caller inspects the whole event, and the inspector reports why.
            return false;
        }
    }

    /// <summary>The <c>validationCode</c> of a subscription validation event's data.</summary>
    public string? ValidationCode()
    {
        if (Data is not { } data)
        {
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(data.Span);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isCode = reader.ValueTextEquals("validationCode"u8);
                reader.Read();
                if (isCode && reader.TokenType == JsonTokenType.String)
                {
                    return reader.GetString();
                }

                reader.Skip();
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
        }

        return null;
    }

    // A string data value is text (or JSON in a string, which the inspector unwraps); anything else is JSON, byte for byte.
    private static (ReadOnlyMemory<byte>?, InputFormat) ReadData(ref Utf8JsonReader reader, ReadOnlyMemory<byte> json)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return (null, InputFormat.Auto);
            case JsonTokenType.String:
                return (Encoding.UTF8.GetBytes(reader.GetString()!), InputFormat.Auto);
            default:
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                return (json[start..(int)reader.BytesConsumed], InputFormat.Json);
        }
    }
}
