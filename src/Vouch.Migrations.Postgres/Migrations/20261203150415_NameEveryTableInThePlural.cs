using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vouch.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class NameEveryTableInThePlural : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AdvocateInvitation_AspNetUsers_InvitedById",
                table: "AdvocateInvitation");

            migrationBuilder.DropForeignKey(
                name: "FK_AdvocateInvitation_AspNetUsers_UserId",
                table: "AdvocateInvitation");

            migrationBuilder.DropForeignKey(
                name: "FK_AdvocateInvitation_Contacts_ContactId",
                table: "AdvocateInvitation");

            migrationBuilder.DropForeignKey(
                name: "FK_DefenceResponse_Contacts_ContactId",
                table: "DefenceResponse");

            migrationBuilder.DropForeignKey(
                name: "FK_DefenceResponse_Defence_DefenceId",
                table: "DefenceResponse");

            migrationBuilder.DropForeignKey(
                name: "FK_DefenceResponse_Engagements_EngagementId",
                table: "DefenceResponse");

            migrationBuilder.DropForeignKey(
                name: "FK_EmployeeRelative_Contacts_ContactId",
                table: "EmployeeRelative");

            migrationBuilder.DropForeignKey(
                name: "FK_Engagements_Offer_OfferId",
                table: "Engagements");

            migrationBuilder.DropForeignKey(
                name: "FK_MergedReferral_AspNetUsers_RecordedById",
                table: "MergedReferral");

            migrationBuilder.DropForeignKey(
                name: "FK_MergedReferral_Contacts_ReferredById",
                table: "MergedReferral");

            migrationBuilder.DropForeignKey(
                name: "FK_MergedReferral_Referral_ReferralId",
                table: "MergedReferral");

            migrationBuilder.DropForeignKey(
                name: "FK_OfferApplication_Contacts_ContactId",
                table: "OfferApplication");

            migrationBuilder.DropForeignKey(
                name: "FK_OfferApplication_Offer_OfferId",
                table: "OfferApplication");

            migrationBuilder.DropForeignKey(
                name: "FK_Referral_Accounts_AccountId",
                table: "Referral");

            migrationBuilder.DropForeignKey(
                name: "FK_Referral_AspNetUsers_RecordedById",
                table: "Referral");

            migrationBuilder.DropForeignKey(
                name: "FK_Referral_Contacts_ReferredById",
                table: "Referral");

            migrationBuilder.DropForeignKey(
                name: "FK_Referral_Opportunities_OpportunityId",
                table: "Referral");

            migrationBuilder.DropForeignKey(
                name: "FK_ReferralMove_AspNetUsers_ById",
                table: "ReferralMove");

            migrationBuilder.DropForeignKey(
                name: "FK_ReferralMove_Referral_ReferralId",
                table: "ReferralMove");

            migrationBuilder.DropForeignKey(
                name: "FK_ReviewInvitation_Contacts_ContactId",
                table: "ReviewInvitation");

            migrationBuilder.DropForeignKey(
                name: "FK_ReviewInvitation_Engagements_EngagementId",
                table: "ReviewInvitation");

            migrationBuilder.DropForeignKey(
                name: "FK_ReviewInvitation_ReviewCampaign_CampaignId",
                table: "ReviewInvitation");

            migrationBuilder.DropForeignKey(
                name: "FK_SocialCapitalNeed_Contacts_ContactId",
                table: "SocialCapitalNeed");

            migrationBuilder.DropPrimaryKey(
                name: "PK_SocialCapitalNeed",
                table: "SocialCapitalNeed");

            migrationBuilder.DropPrimaryKey(
                name: "PK_ReviewInvitation",
                table: "ReviewInvitation");

            migrationBuilder.DropPrimaryKey(
                name: "PK_ReviewCampaign",
                table: "ReviewCampaign");

            migrationBuilder.DropPrimaryKey(
                name: "PK_ReferralMove",
                table: "ReferralMove");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Referral",
                table: "Referral");

            migrationBuilder.DropPrimaryKey(
                name: "PK_OfferApplication",
                table: "OfferApplication");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Offer",
                table: "Offer");

            migrationBuilder.DropPrimaryKey(
                name: "PK_MergedReferral",
                table: "MergedReferral");

            migrationBuilder.DropPrimaryKey(
                name: "PK_EmployeeRelative",
                table: "EmployeeRelative");

            migrationBuilder.DropPrimaryKey(
                name: "PK_DefenceResponse",
                table: "DefenceResponse");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Defence",
                table: "Defence");

            migrationBuilder.DropPrimaryKey(
                name: "PK_AdvocateInvitation",
                table: "AdvocateInvitation");

            migrationBuilder.RenameTable(
                name: "SocialCapitalNeed",
                newName: "SocialCapitalNeeds");

            migrationBuilder.RenameTable(
                name: "ReviewInvitation",
                newName: "ReviewInvitations");

            migrationBuilder.RenameTable(
                name: "ReviewCampaign",
                newName: "ReviewCampaigns");

            migrationBuilder.RenameTable(
                name: "ReferralMove",
                newName: "ReferralMoves");

            migrationBuilder.RenameTable(
                name: "Referral",
                newName: "Referrals");

            migrationBuilder.RenameTable(
                name: "OfferApplication",
                newName: "OfferApplications");

            migrationBuilder.RenameTable(
                name: "Offer",
                newName: "Offers");

            migrationBuilder.RenameTable(
                name: "MergedReferral",
                newName: "MergedReferrals");

            migrationBuilder.RenameTable(
                name: "EmployeeRelative",
                newName: "EmployeeRelatives");

            migrationBuilder.RenameTable(
                name: "DefenceResponse",
                newName: "DefenceResponses");

            migrationBuilder.RenameTable(
                name: "Defence",
                newName: "Defences");

            migrationBuilder.RenameTable(
                name: "AdvocateInvitation",
                newName: "AdvocateInvitations");

            migrationBuilder.RenameIndex(
                name: "IX_SocialCapitalNeed_ContactId_Capital",
                table: "SocialCapitalNeeds",
                newName: "IX_SocialCapitalNeeds_ContactId_Capital");

            migrationBuilder.RenameIndex(
                name: "IX_ReviewInvitation_EngagementId",
                table: "ReviewInvitations",
                newName: "IX_ReviewInvitations_EngagementId");

            migrationBuilder.RenameIndex(
                name: "IX_ReviewInvitation_ContactId_ReviewedAt",
                table: "ReviewInvitations",
                newName: "IX_ReviewInvitations_ContactId_ReviewedAt");

            migrationBuilder.RenameIndex(
                name: "IX_ReviewInvitation_CampaignId_ContactId",
                table: "ReviewInvitations",
                newName: "IX_ReviewInvitations_CampaignId_ContactId");

            migrationBuilder.RenameIndex(
                name: "IX_ReviewCampaign_StartsOn_Id",
                table: "ReviewCampaigns",
                newName: "IX_ReviewCampaigns_StartsOn_Id");

            migrationBuilder.RenameIndex(
                name: "IX_ReferralMove_ReferralId_At",
                table: "ReferralMoves",
                newName: "IX_ReferralMoves_ReferralId_At");

            migrationBuilder.RenameIndex(
                name: "IX_ReferralMove_ById",
                table: "ReferralMoves",
                newName: "IX_ReferralMoves_ById");

            migrationBuilder.RenameIndex(
                name: "IX_Referral_Status_CreatedAt",
                table: "Referrals",
                newName: "IX_Referrals_Status_CreatedAt");

            migrationBuilder.RenameIndex(
                name: "IX_Referral_ReferredById_CreatedAt",
                table: "Referrals",
                newName: "IX_Referrals_ReferredById_CreatedAt");

            migrationBuilder.RenameIndex(
                name: "IX_Referral_RecordedById",
                table: "Referrals",
                newName: "IX_Referrals_RecordedById");

            migrationBuilder.RenameIndex(
                name: "IX_Referral_PersonEmail",
                table: "Referrals",
                newName: "IX_Referrals_PersonEmail");

            migrationBuilder.RenameIndex(
                name: "IX_Referral_OpportunityId",
                table: "Referrals",
                newName: "IX_Referrals_OpportunityId");

            migrationBuilder.RenameIndex(
                name: "IX_Referral_CreatedAt",
                table: "Referrals",
                newName: "IX_Referrals_CreatedAt");

            migrationBuilder.RenameIndex(
                name: "IX_Referral_CompanyDomain",
                table: "Referrals",
                newName: "IX_Referrals_CompanyDomain");

            migrationBuilder.RenameIndex(
                name: "IX_Referral_AccountId_CreatedAt",
                table: "Referrals",
                newName: "IX_Referrals_AccountId_CreatedAt");

            migrationBuilder.RenameIndex(
                name: "IX_OfferApplication_OfferId_ContactId",
                table: "OfferApplications",
                newName: "IX_OfferApplications_OfferId_ContactId");

            migrationBuilder.RenameIndex(
                name: "IX_OfferApplication_ContactId",
                table: "OfferApplications",
                newName: "IX_OfferApplications_ContactId");

            migrationBuilder.RenameIndex(
                name: "IX_Offer_State_ClosesOn",
                table: "Offers",
                newName: "IX_Offers_State_ClosesOn");

            migrationBuilder.RenameIndex(
                name: "IX_MergedReferral_ReferredById",
                table: "MergedReferrals",
                newName: "IX_MergedReferrals_ReferredById");

            migrationBuilder.RenameIndex(
                name: "IX_MergedReferral_ReferralId",
                table: "MergedReferrals",
                newName: "IX_MergedReferrals_ReferralId");

            migrationBuilder.RenameIndex(
                name: "IX_MergedReferral_RecordedById",
                table: "MergedReferrals",
                newName: "IX_MergedReferrals_RecordedById");

            migrationBuilder.RenameIndex(
                name: "IX_DefenceResponse_EngagementId",
                table: "DefenceResponses",
                newName: "IX_DefenceResponses_EngagementId");

            migrationBuilder.RenameIndex(
                name: "IX_DefenceResponse_DefenceId_ContactId",
                table: "DefenceResponses",
                newName: "IX_DefenceResponses_DefenceId_ContactId");

            migrationBuilder.RenameIndex(
                name: "IX_DefenceResponse_ContactId",
                table: "DefenceResponses",
                newName: "IX_DefenceResponses_ContactId");

            migrationBuilder.RenameIndex(
                name: "IX_Defence_OccurredOn_Id",
                table: "Defences",
                newName: "IX_Defences_OccurredOn_Id");

            migrationBuilder.RenameIndex(
                name: "IX_AdvocateInvitation_UserId",
                table: "AdvocateInvitations",
                newName: "IX_AdvocateInvitations_UserId");

            migrationBuilder.RenameIndex(
                name: "IX_AdvocateInvitation_TokenHash",
                table: "AdvocateInvitations",
                newName: "IX_AdvocateInvitations_TokenHash");

            migrationBuilder.RenameIndex(
                name: "IX_AdvocateInvitation_InvitedById",
                table: "AdvocateInvitations",
                newName: "IX_AdvocateInvitations_InvitedById");

            migrationBuilder.RenameIndex(
                name: "IX_AdvocateInvitation_ContactId_CreatedAt",
                table: "AdvocateInvitations",
                newName: "IX_AdvocateInvitations_ContactId_CreatedAt");

            migrationBuilder.AddPrimaryKey(
                name: "PK_SocialCapitalNeeds",
                table: "SocialCapitalNeeds",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_ReviewInvitations",
                table: "ReviewInvitations",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_ReviewCampaigns",
                table: "ReviewCampaigns",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_ReferralMoves",
                table: "ReferralMoves",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Referrals",
                table: "Referrals",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_OfferApplications",
                table: "OfferApplications",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Offers",
                table: "Offers",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_MergedReferrals",
                table: "MergedReferrals",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_EmployeeRelatives",
                table: "EmployeeRelatives",
                column: "ContactId");

            migrationBuilder.AddPrimaryKey(
                name: "PK_DefenceResponses",
                table: "DefenceResponses",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Defences",
                table: "Defences",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_AdvocateInvitations",
                table: "AdvocateInvitations",
                column: "Id");

            migrationBuilder.AddForeignKey(
                name: "FK_AdvocateInvitations_AspNetUsers_InvitedById",
                table: "AdvocateInvitations",
                column: "InvitedById",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_AdvocateInvitations_AspNetUsers_UserId",
                table: "AdvocateInvitations",
                column: "UserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_AdvocateInvitations_Contacts_ContactId",
                table: "AdvocateInvitations",
                column: "ContactId",
                principalTable: "Contacts",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_DefenceResponses_Contacts_ContactId",
                table: "DefenceResponses",
                column: "ContactId",
                principalTable: "Contacts",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_DefenceResponses_Defences_DefenceId",
                table: "DefenceResponses",
                column: "DefenceId",
                principalTable: "Defences",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_DefenceResponses_Engagements_EngagementId",
                table: "DefenceResponses",
                column: "EngagementId",
                principalTable: "Engagements",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_EmployeeRelatives_Contacts_ContactId",
                table: "EmployeeRelatives",
                column: "ContactId",
                principalTable: "Contacts",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Engagements_Offers_OfferId",
                table: "Engagements",
                column: "OfferId",
                principalTable: "Offers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_MergedReferrals_AspNetUsers_RecordedById",
                table: "MergedReferrals",
                column: "RecordedById",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_MergedReferrals_Contacts_ReferredById",
                table: "MergedReferrals",
                column: "ReferredById",
                principalTable: "Contacts",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_MergedReferrals_Referrals_ReferralId",
                table: "MergedReferrals",
                column: "ReferralId",
                principalTable: "Referrals",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_OfferApplications_Contacts_ContactId",
                table: "OfferApplications",
                column: "ContactId",
                principalTable: "Contacts",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_OfferApplications_Offers_OfferId",
                table: "OfferApplications",
                column: "OfferId",
                principalTable: "Offers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_ReferralMoves_AspNetUsers_ById",
                table: "ReferralMoves",
                column: "ById",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_ReferralMoves_Referrals_ReferralId",
                table: "ReferralMoves",
                column: "ReferralId",
                principalTable: "Referrals",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Referrals_Accounts_AccountId",
                table: "Referrals",
                column: "AccountId",
                principalTable: "Accounts",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Referrals_AspNetUsers_RecordedById",
                table: "Referrals",
                column: "RecordedById",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_Referrals_Contacts_ReferredById",
                table: "Referrals",
                column: "ReferredById",
                principalTable: "Contacts",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Referrals_Opportunities_OpportunityId",
                table: "Referrals",
                column: "OpportunityId",
                principalTable: "Opportunities",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_ReviewInvitations_Contacts_ContactId",
                table: "ReviewInvitations",
                column: "ContactId",
                principalTable: "Contacts",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_ReviewInvitations_Engagements_EngagementId",
                table: "ReviewInvitations",
                column: "EngagementId",
                principalTable: "Engagements",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_ReviewInvitations_ReviewCampaigns_CampaignId",
                table: "ReviewInvitations",
                column: "CampaignId",
                principalTable: "ReviewCampaigns",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_SocialCapitalNeeds_Contacts_ContactId",
                table: "SocialCapitalNeeds",
                column: "ContactId",
                principalTable: "Contacts",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AdvocateInvitations_AspNetUsers_InvitedById",
                table: "AdvocateInvitations");

            migrationBuilder.DropForeignKey(
                name: "FK_AdvocateInvitations_AspNetUsers_UserId",
                table: "AdvocateInvitations");

            migrationBuilder.DropForeignKey(
                name: "FK_AdvocateInvitations_Contacts_ContactId",
                table: "AdvocateInvitations");

            migrationBuilder.DropForeignKey(
                name: "FK_DefenceResponses_Contacts_ContactId",
                table: "DefenceResponses");

            migrationBuilder.DropForeignKey(
                name: "FK_DefenceResponses_Defences_DefenceId",
                table: "DefenceResponses");

            migrationBuilder.DropForeignKey(
                name: "FK_DefenceResponses_Engagements_EngagementId",
                table: "DefenceResponses");

            migrationBuilder.DropForeignKey(
                name: "FK_EmployeeRelatives_Contacts_ContactId",
                table: "EmployeeRelatives");

            migrationBuilder.DropForeignKey(
                name: "FK_Engagements_Offers_OfferId",
                table: "Engagements");

            migrationBuilder.DropForeignKey(
                name: "FK_MergedReferrals_AspNetUsers_RecordedById",
                table: "MergedReferrals");

            migrationBuilder.DropForeignKey(
                name: "FK_MergedReferrals_Contacts_ReferredById",
                table: "MergedReferrals");

            migrationBuilder.DropForeignKey(
                name: "FK_MergedReferrals_Referrals_ReferralId",
                table: "MergedReferrals");

            migrationBuilder.DropForeignKey(
                name: "FK_OfferApplications_Contacts_ContactId",
                table: "OfferApplications");

            migrationBuilder.DropForeignKey(
                name: "FK_OfferApplications_Offers_OfferId",
                table: "OfferApplications");

            migrationBuilder.DropForeignKey(
                name: "FK_ReferralMoves_AspNetUsers_ById",
                table: "ReferralMoves");

            migrationBuilder.DropForeignKey(
                name: "FK_ReferralMoves_Referrals_ReferralId",
                table: "ReferralMoves");

            migrationBuilder.DropForeignKey(
                name: "FK_Referrals_Accounts_AccountId",
                table: "Referrals");

            migrationBuilder.DropForeignKey(
                name: "FK_Referrals_AspNetUsers_RecordedById",
                table: "Referrals");

            migrationBuilder.DropForeignKey(
                name: "FK_Referrals_Contacts_ReferredById",
                table: "Referrals");

            migrationBuilder.DropForeignKey(
                name: "FK_Referrals_Opportunities_OpportunityId",
                table: "Referrals");

            migrationBuilder.DropForeignKey(
                name: "FK_ReviewInvitations_Contacts_ContactId",
                table: "ReviewInvitations");

            migrationBuilder.DropForeignKey(
                name: "FK_ReviewInvitations_Engagements_EngagementId",
                table: "ReviewInvitations");

            migrationBuilder.DropForeignKey(
                name: "FK_ReviewInvitations_ReviewCampaigns_CampaignId",
                table: "ReviewInvitations");

            migrationBuilder.DropForeignKey(
                name: "FK_SocialCapitalNeeds_Contacts_ContactId",
                table: "SocialCapitalNeeds");

            migrationBuilder.DropPrimaryKey(
                name: "PK_SocialCapitalNeeds",
                table: "SocialCapitalNeeds");

            migrationBuilder.DropPrimaryKey(
                name: "PK_ReviewInvitations",
                table: "ReviewInvitations");

            migrationBuilder.DropPrimaryKey(
                name: "PK_ReviewCampaigns",
                table: "ReviewCampaigns");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Referrals",
                table: "Referrals");

            migrationBuilder.DropPrimaryKey(
                name: "PK_ReferralMoves",
                table: "ReferralMoves");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Offers",
                table: "Offers");

            migrationBuilder.DropPrimaryKey(
                name: "PK_OfferApplications",
                table: "OfferApplications");

            migrationBuilder.DropPrimaryKey(
                name: "PK_MergedReferrals",
                table: "MergedReferrals");

            migrationBuilder.DropPrimaryKey(
                name: "PK_EmployeeRelatives",
                table: "EmployeeRelatives");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Defences",
                table: "Defences");

            migrationBuilder.DropPrimaryKey(
                name: "PK_DefenceResponses",
                table: "DefenceResponses");

            migrationBuilder.DropPrimaryKey(
                name: "PK_AdvocateInvitations",
                table: "AdvocateInvitations");

            migrationBuilder.RenameTable(
                name: "SocialCapitalNeeds",
                newName: "SocialCapitalNeed");

            migrationBuilder.RenameTable(
                name: "ReviewInvitations",
                newName: "ReviewInvitation");

            migrationBuilder.RenameTable(
                name: "ReviewCampaigns",
                newName: "ReviewCampaign");

            migrationBuilder.RenameTable(
                name: "Referrals",
                newName: "Referral");

            migrationBuilder.RenameTable(
                name: "ReferralMoves",
                newName: "ReferralMove");

            migrationBuilder.RenameTable(
                name: "Offers",
                newName: "Offer");

            migrationBuilder.RenameTable(
                name: "OfferApplications",
                newName: "OfferApplication");

            migrationBuilder.RenameTable(
                name: "MergedReferrals",
                newName: "MergedReferral");

            migrationBuilder.RenameTable(
                name: "EmployeeRelatives",
                newName: "EmployeeRelative");

            migrationBuilder.RenameTable(
                name: "Defences",
                newName: "Defence");

            migrationBuilder.RenameTable(
                name: "DefenceResponses",
                newName: "DefenceResponse");

            migrationBuilder.RenameTable(
                name: "AdvocateInvitations",
                newName: "AdvocateInvitation");

            migrationBuilder.RenameIndex(
                name: "IX_SocialCapitalNeeds_ContactId_Capital",
                table: "SocialCapitalNeed",
                newName: "IX_SocialCapitalNeed_ContactId_Capital");

            migrationBuilder.RenameIndex(
                name: "IX_ReviewInvitations_EngagementId",
                table: "ReviewInvitation",
                newName: "IX_ReviewInvitation_EngagementId");

            migrationBuilder.RenameIndex(
                name: "IX_ReviewInvitations_ContactId_ReviewedAt",
                table: "ReviewInvitation",
                newName: "IX_ReviewInvitation_ContactId_ReviewedAt");

            migrationBuilder.RenameIndex(
                name: "IX_ReviewInvitations_CampaignId_ContactId",
                table: "ReviewInvitation",
                newName: "IX_ReviewInvitation_CampaignId_ContactId");

            migrationBuilder.RenameIndex(
                name: "IX_ReviewCampaigns_StartsOn_Id",
                table: "ReviewCampaign",
                newName: "IX_ReviewCampaign_StartsOn_Id");

            migrationBuilder.RenameIndex(
                name: "IX_Referrals_Status_CreatedAt",
                table: "Referral",
                newName: "IX_Referral_Status_CreatedAt");

            migrationBuilder.RenameIndex(
                name: "IX_Referrals_ReferredById_CreatedAt",
                table: "Referral",
                newName: "IX_Referral_ReferredById_CreatedAt");

            migrationBuilder.RenameIndex(
                name: "IX_Referrals_RecordedById",
                table: "Referral",
                newName: "IX_Referral_RecordedById");

            migrationBuilder.RenameIndex(
                name: "IX_Referrals_PersonEmail",
                table: "Referral",
                newName: "IX_Referral_PersonEmail");

            migrationBuilder.RenameIndex(
                name: "IX_Referrals_OpportunityId",
                table: "Referral",
                newName: "IX_Referral_OpportunityId");

            migrationBuilder.RenameIndex(
                name: "IX_Referrals_CreatedAt",
                table: "Referral",
                newName: "IX_Referral_CreatedAt");

            migrationBuilder.RenameIndex(
                name: "IX_Referrals_CompanyDomain",
                table: "Referral",
                newName: "IX_Referral_CompanyDomain");

            migrationBuilder.RenameIndex(
                name: "IX_Referrals_AccountId_CreatedAt",
                table: "Referral",
                newName: "IX_Referral_AccountId_CreatedAt");

            migrationBuilder.RenameIndex(
                name: "IX_ReferralMoves_ReferralId_At",
                table: "ReferralMove",
                newName: "IX_ReferralMove_ReferralId_At");

            migrationBuilder.RenameIndex(
                name: "IX_ReferralMoves_ById",
                table: "ReferralMove",
                newName: "IX_ReferralMove_ById");

            migrationBuilder.RenameIndex(
                name: "IX_Offers_State_ClosesOn",
                table: "Offer",
                newName: "IX_Offer_State_ClosesOn");

            migrationBuilder.RenameIndex(
                name: "IX_OfferApplications_OfferId_ContactId",
                table: "OfferApplication",
                newName: "IX_OfferApplication_OfferId_ContactId");

            migrationBuilder.RenameIndex(
                name: "IX_OfferApplications_ContactId",
                table: "OfferApplication",
                newName: "IX_OfferApplication_ContactId");

            migrationBuilder.RenameIndex(
                name: "IX_MergedReferrals_ReferredById",
                table: "MergedReferral",
                newName: "IX_MergedReferral_ReferredById");

            migrationBuilder.RenameIndex(
                name: "IX_MergedReferrals_ReferralId",
                table: "MergedReferral",
                newName: "IX_MergedReferral_ReferralId");

            migrationBuilder.RenameIndex(
                name: "IX_MergedReferrals_RecordedById",
                table: "MergedReferral",
                newName: "IX_MergedReferral_RecordedById");

            migrationBuilder.RenameIndex(
                name: "IX_Defences_OccurredOn_Id",
                table: "Defence",
                newName: "IX_Defence_OccurredOn_Id");

            migrationBuilder.RenameIndex(
                name: "IX_DefenceResponses_EngagementId",
                table: "DefenceResponse",
                newName: "IX_DefenceResponse_EngagementId");

            migrationBuilder.RenameIndex(
                name: "IX_DefenceResponses_DefenceId_ContactId",
                table: "DefenceResponse",
                newName: "IX_DefenceResponse_DefenceId_ContactId");

            migrationBuilder.RenameIndex(
                name: "IX_DefenceResponses_ContactId",
                table: "DefenceResponse",
                newName: "IX_DefenceResponse_ContactId");

            migrationBuilder.RenameIndex(
                name: "IX_AdvocateInvitations_UserId",
                table: "AdvocateInvitation",
                newName: "IX_AdvocateInvitation_UserId");

            migrationBuilder.RenameIndex(
                name: "IX_AdvocateInvitations_TokenHash",
                table: "AdvocateInvitation",
                newName: "IX_AdvocateInvitation_TokenHash");

            migrationBuilder.RenameIndex(
                name: "IX_AdvocateInvitations_InvitedById",
                table: "AdvocateInvitation",
                newName: "IX_AdvocateInvitation_InvitedById");

            migrationBuilder.RenameIndex(
                name: "IX_AdvocateInvitations_ContactId_CreatedAt",
                table: "AdvocateInvitation",
                newName: "IX_AdvocateInvitation_ContactId_CreatedAt");

            migrationBuilder.AddPrimaryKey(
                name: "PK_SocialCapitalNeed",
                table: "SocialCapitalNeed",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_ReviewInvitation",
                table: "ReviewInvitation",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_ReviewCampaign",
                table: "ReviewCampaign",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Referral",
                table: "Referral",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_ReferralMove",
                table: "ReferralMove",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Offer",
                table: "Offer",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_OfferApplication",
                table: "OfferApplication",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_MergedReferral",
                table: "MergedReferral",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_EmployeeRelative",
                table: "EmployeeRelative",
                column: "ContactId");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Defence",
                table: "Defence",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_DefenceResponse",
                table: "DefenceResponse",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_AdvocateInvitation",
                table: "AdvocateInvitation",
                column: "Id");

            migrationBuilder.AddForeignKey(
                name: "FK_AdvocateInvitation_AspNetUsers_InvitedById",
                table: "AdvocateInvitation",
                column: "InvitedById",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_AdvocateInvitation_AspNetUsers_UserId",
                table: "AdvocateInvitation",
                column: "UserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_AdvocateInvitation_Contacts_ContactId",
                table: "AdvocateInvitation",
                column: "ContactId",
                principalTable: "Contacts",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_DefenceResponse_Contacts_ContactId",
                table: "DefenceResponse",
                column: "ContactId",
                principalTable: "Contacts",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_DefenceResponse_Defence_DefenceId",
                table: "DefenceResponse",
                column: "DefenceId",
                principalTable: "Defence",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_DefenceResponse_Engagements_EngagementId",
                table: "DefenceResponse",
                column: "EngagementId",
                principalTable: "Engagements",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_EmployeeRelative_Contacts_ContactId",
                table: "EmployeeRelative",
                column: "ContactId",
                principalTable: "Contacts",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Engagements_Offer_OfferId",
                table: "Engagements",
                column: "OfferId",
                principalTable: "Offer",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_MergedReferral_AspNetUsers_RecordedById",
                table: "MergedReferral",
                column: "RecordedById",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_MergedReferral_Contacts_ReferredById",
                table: "MergedReferral",
                column: "ReferredById",
                principalTable: "Contacts",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_MergedReferral_Referral_ReferralId",
                table: "MergedReferral",
                column: "ReferralId",
                principalTable: "Referral",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_OfferApplication_Contacts_ContactId",
                table: "OfferApplication",
                column: "ContactId",
                principalTable: "Contacts",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_OfferApplication_Offer_OfferId",
                table: "OfferApplication",
                column: "OfferId",
                principalTable: "Offer",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Referral_Accounts_AccountId",
                table: "Referral",
                column: "AccountId",
                principalTable: "Accounts",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Referral_AspNetUsers_RecordedById",
                table: "Referral",
                column: "RecordedById",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_Referral_Contacts_ReferredById",
                table: "Referral",
                column: "ReferredById",
                principalTable: "Contacts",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Referral_Opportunities_OpportunityId",
                table: "Referral",
                column: "OpportunityId",
                principalTable: "Opportunities",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_ReferralMove_AspNetUsers_ById",
                table: "ReferralMove",
                column: "ById",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_ReferralMove_Referral_ReferralId",
                table: "ReferralMove",
                column: "ReferralId",
                principalTable: "Referral",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_ReviewInvitation_Contacts_ContactId",
                table: "ReviewInvitation",
                column: "ContactId",
                principalTable: "Contacts",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_ReviewInvitation_Engagements_EngagementId",
                table: "ReviewInvitation",
                column: "EngagementId",
                principalTable: "Engagements",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_ReviewInvitation_ReviewCampaign_CampaignId",
                table: "ReviewInvitation",
                column: "CampaignId",
                principalTable: "ReviewCampaign",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_SocialCapitalNeed_Contacts_ContactId",
                table: "SocialCapitalNeed",
                column: "ContactId",
                principalTable: "Contacts",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
