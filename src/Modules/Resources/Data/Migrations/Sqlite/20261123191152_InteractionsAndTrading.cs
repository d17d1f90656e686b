using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EduCloud.Resources.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InteractionsAndTrading : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "LicenceYears",
                table: "res_resource",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RatingCount",
                table: "res_resource",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "RatingSum",
                table: "res_resource",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "UseCount",
                table: "res_resource",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "res_budget_allocation",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BudgetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    PreviousCents = table.Column<long>(type: "INTEGER", nullable: false),
                    AllocatedCents = table.Column<long>(type: "INTEGER", nullable: false),
                    ById = table.Column<Guid>(type: "TEXT", nullable: true),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClassId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_res_budget_allocation", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "res_class_push",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClassId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClassName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TeacherId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TeacherName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    PushedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_res_class_push", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "res_class_use",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PushId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClassId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StudentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StudentName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_res_class_use", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "res_comment",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ModeratedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    ModeratedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_res_comment", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "res_favourite",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_res_favourite", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "res_oai_record",
                columns: table => new
                {
                    ResourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SortKey = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Datestamp = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Deleted = table.Column<bool>(type: "INTEGER", nullable: false),
                    StageCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SubjectCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_res_oai_record", x => x.ResourceId);
                });

            migrationBuilder.CreateTable(
                name: "res_order",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ResourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResourceTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProviderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProviderName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SchoolName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    BudgetYear = table.Column<int>(type: "INTEGER", nullable: false),
                    AmountCents = table.Column<long>(type: "INTEGER", nullable: false),
                    LicenceYears = table.Column<int>(type: "INTEGER", nullable: true),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EntitlementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BuyerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    BuyerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PlacedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClassId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_res_order", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "res_rating",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Stars = table.Column<int>(type: "INTEGER", nullable: false),
                    RatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_res_rating", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "res_school_budget",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    AllocatedCents = table.Column<long>(type: "INTEGER", nullable: false),
                    SpentCents = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClassId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_res_school_budget", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_res_budget_allocation_BudgetId_At",
                table: "res_budget_allocation",
                columns: new[] { "BudgetId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_res_class_push_ClassId_PushedAt",
                table: "res_class_push",
                columns: new[] { "ClassId", "PushedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_res_class_push_TeacherId",
                table: "res_class_push",
                column: "TeacherId");

            migrationBuilder.CreateIndex(
                name: "IX_res_class_use_PushId_StudentId",
                table: "res_class_use",
                columns: new[] { "PushId", "StudentId" });

            migrationBuilder.CreateIndex(
                name: "IX_res_comment_ResourceId_Status_CreatedAt",
                table: "res_comment",
                columns: new[] { "ResourceId", "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_res_favourite_AccountId_ResourceId",
                table: "res_favourite",
                columns: new[] { "AccountId", "ResourceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_res_oai_record_Datestamp_SortKey",
                table: "res_oai_record",
                columns: new[] { "Datestamp", "SortKey" });

            migrationBuilder.CreateIndex(
                name: "IX_res_oai_record_StageCode_SubjectCode_Datestamp",
                table: "res_oai_record",
                columns: new[] { "StageCode", "SubjectCode", "Datestamp" });

            migrationBuilder.CreateIndex(
                name: "IX_res_order_Number",
                table: "res_order",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_res_order_ProviderId_PlacedAt",
                table: "res_order",
                columns: new[] { "ProviderId", "PlacedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_res_order_ResourceId_SchoolId",
                table: "res_order",
                columns: new[] { "ResourceId", "SchoolId" });

            migrationBuilder.CreateIndex(
                name: "IX_res_order_SchoolId_PlacedAt",
                table: "res_order",
                columns: new[] { "SchoolId", "PlacedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_res_rating_ResourceId_AccountId",
                table: "res_rating",
                columns: new[] { "ResourceId", "AccountId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_res_school_budget_SchoolId_Year",
                table: "res_school_budget",
                columns: new[] { "SchoolId", "Year" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "res_budget_allocation");

            migrationBuilder.DropTable(
                name: "res_class_push");

            migrationBuilder.DropTable(
                name: "res_class_use");

            migrationBuilder.DropTable(
                name: "res_comment");

            migrationBuilder.DropTable(
                name: "res_favourite");

            migrationBuilder.DropTable(
                name: "res_oai_record");

            migrationBuilder.DropTable(
                name: "res_order");

            migrationBuilder.DropTable(
                name: "res_rating");

            migrationBuilder.DropTable(
                name: "res_school_budget");

            migrationBuilder.DropColumn(
                name: "LicenceYears",
                table: "res_resource");

            migrationBuilder.DropColumn(
                name: "RatingCount",
                table: "res_resource");

            migrationBuilder.DropColumn(
                name: "RatingSum",
                table: "res_resource");

            migrationBuilder.DropColumn(
                name: "UseCount",
                table: "res_resource");
        }
    }
}
