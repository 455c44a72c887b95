using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using FluentValidation;

namespace ServerlessShield;

// Deserializes one JSON input to the model type and validates it; one per validator, built once.
internal sealed class PayloadValidator<T>(IValidator<T> validator, JsonTypeInfo<T> typeInfo) : IPayloadValidator
{
    public async ValueTask<IReadOnlyList<(string Property, string Code)>> ValidateAsync(ReadOnlyMemory<byte> json, CancellationToken cancellationToken)
    {
        T? model;
        try
        {
            model = JsonSerializer.Deserialize(json.Span, typeInfo);
        }
        catch (JsonException)
        {
            return [(string.Empty, "PayloadNotDeserializable")];
        }

        if (model is null)
        {
            return [(string.Empty, "PayloadMissing")];
        }

        var result = await validator.ValidateAsync(model, cancellationToken).ConfigureAwait(false);
        return result.IsValid ? [] : [.. result.Errors.Select(e => (e.PropertyName, string.IsNullOrEmpty(e.ErrorCode) ? "Invalid" : e.ErrorCode))];
    }
}
