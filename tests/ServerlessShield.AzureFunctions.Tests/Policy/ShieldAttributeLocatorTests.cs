using Microsoft.Azure.Functions.Worker;

namespace ServerlessShield.AzureFunctions.Tests.Policy;

public sealed class ShieldAttributeLocatorTests
{
    private static readonly string Assembly = typeof(ShieldAttributeLocatorTests).Assembly.Location;

    [Fact]
    public void Find_MethodAttribute_IsFound()
    {
        var attribute = Find("Plain", typeof(LocatorSamples).FullName + ".Plain");

        Assert.Equal(128, attribute?.MaxPayloadBytes);
    }

    [Fact]
    public void Find_NoAttribute_ReturnsNull() =>
        Assert.Null(Find("Unmarked", typeof(LocatorSamples).FullName + ".Unmarked"));

    [Fact]
    public void Find_ClassLevelAttribute_AppliesToEveryMethod()
    {
        var attribute = Find("Inherited", typeof(ShieldedClassSamples).FullName + ".Inherited");

        Assert.Equal(ShieldProfile.Strict, attribute?.Profile);
        Assert.True(attribute?.Enabled);
    }

    [Fact]
    public void Find_MethodAttribute_OptsOutOfTheClassLevelAttribute()
    {
        var attribute = Find("OptedOut", typeof(ShieldedClassSamples).FullName + ".OptedOut");

        Assert.False(attribute?.Enabled);
    }

    [Theory]
    [InlineData('+')]
    [InlineData('.')]
    public void Find_NestedType_IsFoundWithEitherSeparator(char separator)
    {
        var entryPoint = typeof(LocatorSamples).FullName + separator + nameof(LocatorSamples.Nested) + ".InNested";

        Assert.Equal(256, Find("InNested", entryPoint)?.MaxPayloadBytes);
    }

    [Theory]
    [InlineData("OverloadA", 1000)]
    [InlineData("OverloadB", 2000)]
    public void Find_OverloadedMethod_PicksTheOverloadWhoseFunctionNameMatches(string functionName, int expectedBytes)
    {
        var attribute = Find(functionName, typeof(LocatorSamples).FullName + ".Overloaded");

        Assert.Equal(expectedBytes, attribute?.MaxPayloadBytes);
    }

    [Fact]
    public void Find_OverloadWithoutFunctionAttribute_IsAmbiguousAndReturnsNull() =>
        Assert.Null(Find("Unregistered", typeof(LocatorSamples).FullName + ".Overloaded"));

    [Theory]
    [InlineData("NoDot")]
    [InlineData("Missing.Type.Method")]
    [InlineData("ServerlessShield.AzureFunctions.Tests.Policy.LocatorSamples.")]
    public void Find_EntryPointThatNamesNothing_ReturnsNull(string entryPoint) =>
        Assert.Null(Find("Any", entryPoint));

    [Fact]
    public void Find_MissingAssembly_ReturnsNull() =>
        Assert.Null(ShieldAttributeLocator.Find("Plain", typeof(LocatorSamples).FullName + ".Plain", Path.Combine(AppContext.BaseDirectory, "missing.dll")));

    private static ShieldAttribute? Find(string functionName, string entryPoint) =>
        ShieldAttributeLocator.Find(functionName, entryPoint, Assembly);
}

#pragma warning disable CA1822, IDE0060 // Shapes for attribute discovery; never called.
public sealed class LocatorSamples
{
    [Shield(MaxPayloadBytes = 128)]
    public void Plain()
    {
    }

    public void Unmarked()
    {
    }

    [Function("OverloadA")]
    [Shield(MaxPayloadBytes = 1000)]
    public void Overloaded(string message)
    {
    }

    [Function("OverloadB")]
    [Shield(MaxPayloadBytes = 2000)]
    public void Overloaded(byte[] message)
    {
    }

    public static class Nested
    {
        [Shield(MaxPayloadBytes = 256)]
        public static void InNested()
        {
        }
    }
}

[Shield(Profile = ShieldProfile.Strict)]
public sealed class ShieldedClassSamples
{
    public void Inherited()
    {
    }

    [Shield(Enabled = false)]
    public void OptedOut()
    {
    }
}
#pragma warning restore CA1822, IDE0060
