namespace ServerlessShield;

// The numbers behind each profile, in one place so the README and the code agree.
internal static class ProfileDefaults
{
    public static int MaxPayloadBytes(ShieldProfile profile) => profile == ShieldProfile.Strict ? 256 * 1024 : 1024 * 1024;

    public static int MaxDepth(ShieldProfile profile) => profile == ShieldProfile.Strict ? 32 : 64;
}
