using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using FluentValidation;

namespace ServerlessShield;

/// <summary>
/// The validators the middleware runs: registered in code per function (reflection-free, Native AOT safe), or created
/// on first use from the validator type a function's policy names.
/// </summary>
public sealed class ShieldValidationRegistry
{
    private readonly ConcurrentDictionary<string, IPayloadValidator> _byFunction = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Type, IPayloadValidator> _byValidatorType = new();
    private readonly JsonSerializerOptions? _reflectionOptions;

    internal ShieldValidationRegistry(JsonSerializerOptions? reflectionOptions)
    {
        _reflectionOptions = reflectionOptions;
    }

    /// <summary>Registers a validator for a function, with source-generated JSON metadata for the payload type.</summary>
    /// <typeparam name="T">The payload type.</typeparam>
    /// <param name="functionName">The function.</param>
    /// <param name="validator">The validator.</param>
    /// <param name="typeInfo">The payload type's JSON metadata, from a <c>JsonSerializerContext</c>.</param>
    /// <returns>This registry.</returns>
    public ShieldValidationRegistry Add<T>(string functionName, IValidator<T> validator, JsonTypeInfo<T> typeInfo)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(functionName);
        ArgumentNullException.ThrowIfNull(validator);
        ArgumentNullException.ThrowIfNull(typeInfo);
        _byFunction[functionName] = new PayloadValidator<T>(validator, typeInfo);
        return this;
    }

    internal IPayloadValidator? Find(ShieldPolicy policy)
    {
        if (_byFunction.TryGetValue(policy.FunctionName, out var registered))
        {
            return registered;
        }

        if (policy.Validator is not { } validatorType || _reflectionOptions is null)
        {
            return null;
        }

        return _byValidatorType.GetOrAdd(validatorType, CreateFromType);
    }

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Only reachable when the reflection-based AddFluentValidation overload, which carries RequiresUnreferencedCode, created this registry.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Only reachable when the reflection-based AddFluentValidation overload, which carries RequiresDynamicCode, created this registry.")]
    [UnconditionalSuppressMessage("Trimming", "IL2067", Justification = "The validator type is annotated where users set it (ShieldAttribute.Validator).")]
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "The validator type is annotated where users set it (ShieldAttribute.Validator).")]
    [UnconditionalSuppressMessage("Trimming", "IL2072", Justification = "The validator type is annotated where users set it (ShieldAttribute.Validator).")]
    private IPayloadValidator CreateFromType(Type validatorType)
    {
        var validator = Activator.CreateInstance(validatorType) as IValidator
            ?? throw new InvalidOperationException($"{validatorType.FullName} is not a FluentValidation validator.");
        var modelType = validatorType.GetInterfaces()
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>))?.GetGenericArguments()[0]
            ?? throw new InvalidOperationException($"{validatorType.FullName} does not implement IValidator<T>.");
        var typeInfo = _reflectionOptions!.GetTypeInfo(modelType);
        var adapterType = typeof(PayloadValidator<>).MakeGenericType(modelType);
        return (IPayloadValidator)Activator.CreateInstance(adapterType, validator, typeInfo)!;
    }
}
