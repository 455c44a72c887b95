namespace ServerlessShield;

/// <summary>
/// Validates each JSON input of a function that has a validator (see <see cref="ShieldValidationRegistry"/>) after
/// inspection and before the handler. Failures are reported as <c>SHIELD6001</c> with the property path and the rule
/// code; a failed batch record is rejected alone, any other failure blocks the invocation with 422.
/// </summary>
public sealed class FluentValidationMiddleware : IShieldMiddleware
{
    private readonly ShieldValidationRegistry _registry;

    /// <summary>Creates the middleware.</summary>
    /// <param name="registry">The validators.</param>
    public FluentValidationMiddleware(ShieldValidationRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        _registry = registry;
    }

    /// <inheritdoc />
    public async ValueTask InvokeAsync(ShieldContext context, ShieldDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (_registry.Find(context.Policy) is { } validator)
        {
            foreach (var input in context.Inputs)
            {
                if (!IsPayload(input) || input.ItemId is { } id && context.RejectedItemIds.Contains(id))
                {
                    continue;
                }

                foreach (var (property, code) in await validator.ValidateAsync(input.Data, context.CancellationToken).ConfigureAwait(false))
                {
                    var path = property.Length == 0 ? input.Path : $"{input.Path}.{property}";
                    context.Report(ShieldRules.ValidationFailed, path, input.ItemId, code: code);
                }
            }

            if (context.Outcome.IsRejected)
            {
                return;
            }
        }

        await next(context).ConfigureAwait(false);
    }

    // The validator describes the payload: a body or message. Metadata travels beside it (query values, route values,
    // headers, cookies, the request path, message attributes and properties, object keys), which the validator's type
    // does not describe; binary inputs are not JSON at all. A form or multipart body is still the payload, and fails
    // as one that does not deserialize.
    private static bool IsPayload(ShieldInput input) => !input.IsMetadata && input.Format != InputFormat.Binary;
}
