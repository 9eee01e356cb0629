namespace Vouch.Resources;

/// <summary>
/// The marker of Vouch's strings, read as <c>IStringLocalizer&lt;Strings&gt;</c>: <c>Strings.resx</c> holds every
/// key, which is the English text itself, and each <c>Strings.{language}.resx</c> its translations. A text missing
/// from a language shows in English. See docs/decisions/0035-languages.md.
/// </summary>
public sealed class Strings;
