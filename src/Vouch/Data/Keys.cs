using System.Globalization;
using System.Text;

namespace Vouch.Data;

/// <summary>Keys are the stable, script-friendly names of reference data: "Food &amp; Beverage" is "food-beverage".</summary>
public static class Keys
{
    public static string FromName(string name)
    {
        var key = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(c) && c < 128)
            {
                key.Append(char.ToLowerInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && key.Length > 0 && key[^1] != '-')
            {
                key.Append('-');
            }
        }
        return key.ToString().TrimEnd('-');
    }
}
