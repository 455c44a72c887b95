using ServerlessShield.AzureFunctions;

namespace ServerlessShield.AzureFunctions.Tests.Policy;

// A [Shield] attribute that cannot be read (the assembly file is gone or damaged) must not leave an opt-in function
// unshielded: the lookup fails closed to the default attribute, and configuration still decides over it.
public class AttributeLookupFailureTests
{
    [Fact]
    public void UnreadableAttribute_ShieldsTheFunctionWithTheDefaults_AndIsReported()
    {
        Exception? reported = null;

        var attribute = ShieldWorkerMiddleware.AttributeOrDefault(() => throw new FileNotFoundException("bootstrap.dll"), ex => reported = ex);
        var policy = ShieldPolicy.Create("orders", new ShieldOptions { RequireOptIn = true }, attribute);

        Assert.IsType<FileNotFoundException>(reported);
        Assert.True(policy.Enabled);
        Assert.Equal(ShieldProfile.Standard, policy.Profile);
    }

    [Fact]
    public void ConfigurationStillDecides_OverTheDefaultAttribute()
    {
        var options = new ShieldOptions { RequireOptIn = true };
        options.Functions["orders"] = new FunctionShieldOptions { Enabled = false };

        var attribute = ShieldWorkerMiddleware.AttributeOrDefault(() => throw new BadImageFormatException(), _ => { });

        Assert.False(ShieldPolicy.Create("orders", options, attribute).Enabled);
    }

    [Fact]
    public void ReadableAttribute_IsReturnedAsIs_AndAbsentOneStaysAbsent()
    {
        var found = new ShieldAttribute { Profile = ShieldProfile.Strict };

        Assert.Same(found, ShieldWorkerMiddleware.AttributeOrDefault(() => found, _ => Assert.Fail("nothing to report")));
        Assert.Null(ShieldWorkerMiddleware.AttributeOrDefault(() => null, _ => Assert.Fail("nothing to report")));
    }
}
