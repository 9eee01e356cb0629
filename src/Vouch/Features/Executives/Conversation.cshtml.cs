using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vouch.Auth;

namespace Vouch.Features.Executives;

/// <summary>One executive conversation, as logged.</summary>
[Authorize(Policy = Policies.ReadReports)]
public sealed class ConversationModel(ExecutiveProgram program) : PageModel
{
    public ConversationResponse Conversation { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await program.FindAsync(id, ct) is not { } conversation)
        {
            return NotFound();
        }
        Conversation = conversation;
        return Page();
    }
}
