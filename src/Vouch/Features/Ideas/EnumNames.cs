namespace Vouch.Features.Ideas;

internal static class EnumNames
{
    /// <summary>Parses an enum by name in any casing, refusing numbers: "3" is not a status.</summary>
    public static bool TryParse<T>(string text, out T value) where T : struct, Enum =>
        Enum.TryParse(text.Trim(), ignoreCase: true, out value) && Enum.IsDefined(value) && !int.TryParse(text, out _);
}
