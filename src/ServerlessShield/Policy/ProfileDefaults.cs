namespace ServerlessShield;

// The numbers behind each profile, in one place so the README and the code agree.
internal static class ProfileDefaults
{
    public static int MaxPayloadBytes(ShieldProfile profile) => profile == ShieldProfile.Strict ? 256 * 1024 : 1024 * 1024;

    public static int MaxDepth(ShieldProfile profile) => profile == ShieldProfile.Strict ? 32 : 64;

    public static int MaxKeysPerObject(ShieldProfile profile) => profile == ShieldProfile.Strict ? 256 : 1000;

    public static int MaxArrayLength(ShieldProfile profile) => profile == ShieldProfile.Strict ? 1000 : 10_000;

    public static int MaxStringLength(ShieldProfile profile) => profile == ShieldProfile.Strict ? 64 * 1024 : 512 * 1024;

    public static int MaxNumberLength(ShieldProfile profile) => profile == ShieldProfile.Strict ? 32 : 64;

    public static int MaxEnvelopeDepth(ShieldProfile profile) => profile == ShieldProfile.Strict ? 2 : 3;
}
