namespace Vouch.Hosting;

/// <summary>A setting that is present but wrong: the app refuses to start and names it.</summary>
public class SettingsException(string message) : Exception(message);

/// <summary>Reads the settings of a capability, checked at start so that a mistake is named before it is met.</summary>
public static class Settings
{
    /// <summary>
    /// The value of <paramref name="key"/> in <paramref name="section"/>, or <paramref name="fallback"/> when it is not
    /// set; a value that does not parse or is not <paramref name="valid"/> throws a <see cref="SettingsException"/>
    /// naming it.
    /// </summary>
    public static T Read<T>(this IConfigurationSection section, string key, T fallback, Func<string, T> parse, Func<T, bool> valid)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }
        try
        {
            var value = parse(text);
            if (valid(value))
            {
                return value;
            }
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
        {
        }
        throw new SettingsException($"{section.Path}:{key} is '{text}', which is not a valid value.");
    }
}
