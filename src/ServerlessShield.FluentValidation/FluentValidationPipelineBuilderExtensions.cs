using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ServerlessShield;

/// <summary>Adds FluentValidation to a shield pipeline, just before the handler.</summary>
public static class FluentValidationPipelineBuilderExtensions
{
    /// <summary>
    /// Adds typed validation driven by the validator types that functions name (<see cref="ShieldAttribute.Validator"/>),
    /// deserializing payloads with reflection-based System.Text.Json and the web defaults.
    /// </summary>
    /// <param name="builder">The pipeline builder.</param>
    /// <returns>The builder.</returns>
    [RequiresUnreferencedCode("Deserializes payloads to the validator's model type with reflection. Register validators with JsonTypeInfo for trimmed apps.")]
    [RequiresDynamicCode("Deserializes payloads to the validator's model type with reflection. Register validators with JsonTypeInfo for Native AOT.")]
    public static ShieldPipelineBuilder AddFluentValidation(this ShieldPipelineBuilder builder) => builder.AddFluentValidation(jsonOptions: null);

    /// <summary>
    /// Adds typed validation driven by the validator types that functions name (<see cref="ShieldAttribute.Validator"/>),
    /// deserializing payloads with reflection-based System.Text.Json. For trimmed or Native AOT apps use the overload
    /// that registers validators with source-generated metadata.
    /// </summary>
    /// <param name="builder">The pipeline builder.</param>
    /// <param name="jsonOptions">How payloads are deserialized; default: the web defaults (camelCase, case-insensitive).</param>
    /// <param name="configure">Registers more validators in code.</param>
    /// <returns>The builder.</returns>
    [RequiresUnreferencedCode("Deserializes payloads to the validator's model type with reflection. Use the overload without JSON options and register validators with JsonTypeInfo for trimmed apps.")]
    [RequiresDynamicCode("Deserializes payloads to the validator's model type with reflection. Use the overload without JSON options and register validators with JsonTypeInfo for Native AOT.")]
    public static ShieldPipelineBuilder AddFluentValidation(this ShieldPipelineBuilder builder, JsonSerializerOptions? jsonOptions, Action<ShieldValidationRegistry>? configure = null)
    {
        var options = new JsonSerializerOptions(jsonOptions ?? new JsonSerializerOptions(JsonSerializerDefaults.Web))
        {
            TypeInfoResolver = jsonOptions?.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver(),
        };
        return Add(builder, new ShieldValidationRegistry(options), configure);
    }

    /// <summary>Adds typed validation with validators registered in code (reflection-free, Native AOT safe).</summary>
    /// <param name="builder">The pipeline builder.</param>
    /// <param name="configure">Registers validators per function.</param>
    /// <returns>The builder.</returns>
    public static ShieldPipelineBuilder AddFluentValidation(this ShieldPipelineBuilder builder, Action<ShieldValidationRegistry> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return Add(builder, new ShieldValidationRegistry(reflectionOptions: null), configure);
    }

    private static ShieldPipelineBuilder Add(ShieldPipelineBuilder builder, ShieldValidationRegistry registry, Action<ShieldValidationRegistry>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        configure?.Invoke(registry);
        return builder.Use(new FluentValidationMiddleware(registry));
    }
}
