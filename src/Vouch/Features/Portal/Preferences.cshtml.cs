using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Contacts;
using Vouch.Features.Users;
using Vouch.Resources;
using Vouch.Web;

namespace Vouch.Features.Portal;

/// <summary>The advocate says how often, when, how and for what they may be asked, and in which language the portal speaks.</summary>
public sealed class PreferencesModel(
    ContactProfiles profiles, PortalAdvocate advocate, VouchDbContext db, UserLanguages languages, CurrentUser user, IStringLocalizer<Strings> text)
    : PageModel
{
    public sealed class BlackoutRow
    {
        public DateOnly? Starts { get; set; }
        public DateOnly? Ends { get; set; }
        public string? Reason { get; set; }
        public bool Remove { get; set; }
    }

    public sealed class PreferencesForm
    {
        public int? MaxAsksPerQuarter { get; set; }
        public List<string> Channels { get; set; } = [];
        public List<string> ActivityTypes { get; set; } = [];
        public List<BlackoutRow> Blackouts { get; set; } = [];
        public Guid Version { get; set; }
    }

    public sealed record Choice(string Key, string Name);

    [BindProperty]
    public PreferencesForm Form { get; set; } = new();

    public IReadOnlyList<Choice> Activities { get; private set; } = [];
    public IReadOnlyList<PreferenceChange> History { get; private set; } = [];
    public string? Language { get; private set; }
    public Refusal? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await ReadAsync(ct) is not { } preferences)
        {
            return NotFound();
        }
        Form = new PreferencesForm
        {
            MaxAsksPerQuarter = preferences.MaxAsksPerQuarter,
            Channels = [.. preferences.Channels],
            ActivityTypes = [.. preferences.ActivityTypes],
            Blackouts = [.. preferences.Blackouts.Select(b => new BlackoutRow { Starts = b.Starts, Ends = b.Ends, Reason = b.Reason }), new BlackoutRow()],
            Version = preferences.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await advocate.ContactIdAsync(ct) is not { } contactId)
        {
            return NotFound();
        }
        var input = new PreferencesInput
        {
            MaxAsksPerQuarter = Form.MaxAsksPerQuarter,
            Channels = Form.Channels,
            ActivityTypes = Form.ActivityTypes,
            // A row left empty is no blackout; a row half filled is one the rules refuse, by name.
            Blackouts = [.. Form.Blackouts.Where(b => !b.Remove && (b.Starts is not null || b.Ends is not null)).Select(b => new BlackoutInput(b.Starts, b.Ends, b.Reason))],
            Version = Form.Version,
        };
        return await this.SaveFormAsync(
            () => profiles.SetPreferencesAsync(contactId, input, ct),
            _ => ("/portal/preferences", text["Saved. We will keep to this from now on."].Value),
            async refusal =>
            {
                // The form shows again as it was sent, for the advocate to correct.
                Refusal = refusal;
                await ReadAsync(ct);
                return Page();
            });
    }

    /// <summary>The portal's language, saved on its own: the next page is in it.</summary>
    public async Task<IActionResult> OnPostLanguageAsync(string? language, CancellationToken ct)
    {
        var chosen = await languages.ChooseAsync(user.Id, language, ct);
        if (!chosen.Succeeded)
        {
            Refusal = chosen.Refusal;
            return await OnGetAsync(ct);
        }
        Languages.ShowRestOfRequestIn(chosen.Value.Language);
        TempData["Notice"] = text["Saved. The portal speaks your language from now on."].Value;
        return Redirect("/portal/preferences");
    }

    private async Task<PreferencesResponse?> ReadAsync(CancellationToken ct)
    {
        if (await advocate.ContactIdAsync(ct) is not { } contactId || await profiles.PreferencesAsync(contactId, ct) is not { } preferences)
        {
            return null;
        }
        Activities = await db.ActivityTypes.AsNoTracking().Where(t => t.IsActive || preferences.ActivityTypes.Contains(t.Key))
            .OrderBy(t => t.SortOrder).Select(t => new Choice(t.Key, t.Name)).ToListAsync(ct);
        History = preferences.History;
        Language = (await languages.ReadAsync(user.Id, ct)).Language;
        return preferences;
    }
}
