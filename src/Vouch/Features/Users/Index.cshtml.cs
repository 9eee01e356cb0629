using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Vouch.Resources;

namespace Vouch.Features.Users;

public sealed class IndexModel(UserAdministration admin, IStringLocalizer<Strings> text) : PageModel
{
    public IReadOnlyList<UserResponse> Users { get; private set; } = [];
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public string? Notice { get; private set; }
    public string? Email { get; private set; }
    public string? DisplayName { get; private set; }
    public string? Role { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Users = await admin.ListAsync(ct);

    public async Task OnPostAddAsync(string? email, string? displayName, string? role, string? password, CancellationToken ct)
    {
        var added = await admin.AddAsync(email, displayName, role, password);
        if (added.Succeeded)
        {
            Notice = text["Added {0} as {1}.", added.Value.Email, string.Join(", ", added.Value.Roles)];
        }
        else
        {
            (Errors, Email, DisplayName, Role) = (added.Refusal.Errors ?? new Dictionary<string, string[]>(), email, displayName, role);
        }
        Users = await admin.ListAsync(ct);
    }

    public async Task OnPostDisableAsync(string email, CancellationToken ct)
    {
        var disabled = await admin.DisableAsync(email);
        Notice = disabled.Succeeded ? text["Disabled {0}.", disabled.Value.Email] : text["No user has the email {0}.", email];
        Users = await admin.ListAsync(ct);
    }
}
