using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Vouch.Web;

/// <summary>What a translated text needs besides its words.</summary>
public static class LocalizedStrings
{
    /// <summary>
    /// The text with its first letter a capital, in the reader's language: a word that starts a label or a heading
    /// ("Declined") as well as running on in a sentence ("declined"). The resources hold one of the two, the lower-case
    /// word, since their names are case-blind.
    /// </summary>
    public static string Capitalised(this LocalizedString text) =>
        text.Value.Length == 0 ? text.Value : string.Concat(text.Value[..1].ToUpper(CultureInfo.CurrentCulture), text.Value.AsSpan(1));
}
