using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EduCloud.Spaces.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "spc_attachment",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NoticeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Bytes = table.Column<long>(type: "INTEGER", nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_spc_attachment", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "spc_group",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: true),
                    LeaderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LeaderName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_spc_group", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "spc_group_member",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IsLeader = table.Column<bool>(type: "INTEGER", nullable: false),
                    JoinedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_spc_group_member", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "spc_message",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ThreadId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SenderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SenderName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_spc_message", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "spc_notice",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SenderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SenderName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SenderKind = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: false),
                    Audience = table.Column<int>(type: "INTEGER", nullable: false),
                    NeedsAcknowledgement = table.Column<bool>(type: "INTEGER", nullable: false),
                    TargetNames = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    RecipientCount = table.Column<int>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_spc_notice", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "spc_notice_target",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NoticeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClassId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_spc_notice_target", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "spc_notification",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecipientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Link = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ShowFrom = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SeenAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_spc_notification", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "spc_observation",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ObserverId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ObserverName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TeacherId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TeacherName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ObservedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Ratings = table.Column<string>(type: "TEXT", nullable: false),
                    Strengths = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Suggestions = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_spc_observation", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "spc_plan",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CurrentVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    LastNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_spc_plan", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "spc_plan_comment",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VersionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_spc_plan_comment", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "spc_plan_version",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    BasedOn = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    EditorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EditorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Objectives = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: false),
                    Process = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    ResourceIds = table.Column<string>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_spc_plan_version", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "spc_post",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: false),
                    Replies = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_spc_post", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "spc_preference",
                columns: table => new
                {
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Notices = table.Column<bool>(type: "INTEGER", nullable: false),
                    Messages = table.Column<bool>(type: "INTEGER", nullable: false),
                    PlanActivity = table.Column<bool>(type: "INTEGER", nullable: false),
                    QuietFromMinute = table.Column<int>(type: "INTEGER", nullable: true),
                    QuietToMinute = table.Column<int>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_spc_preference", x => x.AccountId);
                });

            migrationBuilder.CreateTable(
                name: "spc_receipt",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NoticeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecipientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecipientName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RecipientRole = table.Column<int>(type: "INTEGER", nullable: false),
                    ChildNames = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AcknowledgedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClassId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_spc_receipt", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "spc_thread",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TeacherId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TeacherName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ParentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParentName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    LastAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastText = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UnreadByTeacher = table.Column<int>(type: "INTEGER", nullable: false),
                    UnreadByParent = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_spc_thread", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_spc_attachment_NoticeId",
                table: "spc_attachment",
                column: "NoticeId");

            migrationBuilder.CreateIndex(
                name: "IX_spc_attachment_OwnerId",
                table: "spc_attachment",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_spc_group_SchoolId",
                table: "spc_group",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_spc_group_member_AccountId",
                table: "spc_group_member",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_spc_group_member_GroupId_AccountId",
                table: "spc_group_member",
                columns: new[] { "GroupId", "AccountId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_spc_message_ThreadId_SentAt",
                table: "spc_message",
                columns: new[] { "ThreadId", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_spc_notice_SenderId_SentAt",
                table: "spc_notice",
                columns: new[] { "SenderId", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_spc_notice_target_CityCode",
                table: "spc_notice_target",
                column: "CityCode");

            migrationBuilder.CreateIndex(
                name: "IX_spc_notice_target_ClassId",
                table: "spc_notice_target",
                column: "ClassId");

            migrationBuilder.CreateIndex(
                name: "IX_spc_notice_target_CountyCode",
                table: "spc_notice_target",
                column: "CountyCode");

            migrationBuilder.CreateIndex(
                name: "IX_spc_notice_target_NoticeId",
                table: "spc_notice_target",
                column: "NoticeId");

            migrationBuilder.CreateIndex(
                name: "IX_spc_notice_target_ProvinceCode",
                table: "spc_notice_target",
                column: "ProvinceCode");

            migrationBuilder.CreateIndex(
                name: "IX_spc_notice_target_SchoolId",
                table: "spc_notice_target",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_spc_notification_RecipientId_ShowFrom",
                table: "spc_notification",
                columns: new[] { "RecipientId", "ShowFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_spc_observation_GroupId_ObservedOn",
                table: "spc_observation",
                columns: new[] { "GroupId", "ObservedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_spc_plan_AuthorId",
                table: "spc_plan",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_spc_plan_GroupId",
                table: "spc_plan",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_spc_plan_comment_PlanId_CreatedAt",
                table: "spc_plan_comment",
                columns: new[] { "PlanId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_spc_plan_version_PlanId_Number",
                table: "spc_plan_version",
                columns: new[] { "PlanId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_spc_post_GroupId_ParentId_LastAt",
                table: "spc_post",
                columns: new[] { "GroupId", "ParentId", "LastAt" });

            migrationBuilder.CreateIndex(
                name: "IX_spc_receipt_CityCode",
                table: "spc_receipt",
                column: "CityCode");

            migrationBuilder.CreateIndex(
                name: "IX_spc_receipt_ClassId",
                table: "spc_receipt",
                column: "ClassId");

            migrationBuilder.CreateIndex(
                name: "IX_spc_receipt_CountyCode",
                table: "spc_receipt",
                column: "CountyCode");

            migrationBuilder.CreateIndex(
                name: "IX_spc_receipt_NoticeId_RecipientId",
                table: "spc_receipt",
                columns: new[] { "NoticeId", "RecipientId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_spc_receipt_ProvinceCode",
                table: "spc_receipt",
                column: "ProvinceCode");

            migrationBuilder.CreateIndex(
                name: "IX_spc_receipt_RecipientId_SentAt",
                table: "spc_receipt",
                columns: new[] { "RecipientId", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_spc_receipt_SchoolId",
                table: "spc_receipt",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_spc_thread_ParentId_LastAt",
                table: "spc_thread",
                columns: new[] { "ParentId", "LastAt" });

            migrationBuilder.CreateIndex(
                name: "IX_spc_thread_TeacherId_ParentId_ChildId",
                table: "spc_thread",
                columns: new[] { "TeacherId", "ParentId", "ChildId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "spc_attachment");

            migrationBuilder.DropTable(
                name: "spc_group");

            migrationBuilder.DropTable(
                name: "spc_group_member");

            migrationBuilder.DropTable(
                name: "spc_message");

            migrationBuilder.DropTable(
                name: "spc_notice");

            migrationBuilder.DropTable(
                name: "spc_notice_target");

            migrationBuilder.DropTable(
                name: "spc_notification");

            migrationBuilder.DropTable(
                name: "spc_observation");

            migrationBuilder.DropTable(
                name: "spc_plan");

            migrationBuilder.DropTable(
                name: "spc_plan_comment");

            migrationBuilder.DropTable(
                name: "spc_plan_version");

            migrationBuilder.DropTable(
                name: "spc_post");

            migrationBuilder.DropTable(
                name: "spc_preference");

            migrationBuilder.DropTable(
                name: "spc_receipt");

            migrationBuilder.DropTable(
                name: "spc_thread");
        }
    }
}
