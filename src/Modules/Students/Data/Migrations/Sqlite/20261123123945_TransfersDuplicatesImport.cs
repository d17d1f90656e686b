using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EduCloud.Students.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TransfersDuplicatesImport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "stu_duplicate_case",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CitizenIdHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StudentAId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StudentBId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolAId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolBId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerRole = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    KeptStudentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReasonCode = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    FlaggedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ResolvedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    ResolvedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ResolvedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClassId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stu_duplicate_case", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "stu_import_job",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Mode = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FileHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StoredFile = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ErrorReport = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Total = table.Column<int>(type: "INTEGER", nullable: false),
                    Processed = table.Column<int>(type: "INTEGER", nullable: false),
                    Imported = table.Column<int>(type: "INTEGER", nullable: false),
                    Updated = table.Column<int>(type: "INTEGER", nullable: false),
                    Unchanged = table.Column<int>(type: "INTEGER", nullable: false),
                    Failed = table.Column<int>(type: "INTEGER", nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CancelRequested = table.Column<bool>(type: "INTEGER", nullable: false),
                    RequestedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    RequestedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClassId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stu_import_job", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "stu_transfer",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StudentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StudentNumber = table.Column<string>(type: "TEXT", maxLength: 19, nullable: false),
                    StudentName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    OpenStudentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ReasonCode = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    EffectiveOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FromSchoolId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromSchoolName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FromClassId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FromProvinceCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    FromCityCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    FromCountyCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    ToClassId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ToSchoolName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ToClassName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RejectionReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    StartedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    StartedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    ToProvinceCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    ToCityCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    ToCountyCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    ToSchoolId = table.Column<Guid>(type: "TEXT", nullable: false),
                    steps = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stu_transfer", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "stu_transfer_party",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TransferId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Side = table.Column<int>(type: "INTEGER", nullable: false),
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClassId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stu_transfer_party", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_stu_duplicate_case_CityCode",
                table: "stu_duplicate_case",
                column: "CityCode");

            migrationBuilder.CreateIndex(
                name: "IX_stu_duplicate_case_ClassId",
                table: "stu_duplicate_case",
                column: "ClassId");

            migrationBuilder.CreateIndex(
                name: "IX_stu_duplicate_case_CountyCode",
                table: "stu_duplicate_case",
                column: "CountyCode");

            migrationBuilder.CreateIndex(
                name: "IX_stu_duplicate_case_ProvinceCode",
                table: "stu_duplicate_case",
                column: "ProvinceCode");

            migrationBuilder.CreateIndex(
                name: "IX_stu_duplicate_case_SchoolId",
                table: "stu_duplicate_case",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_stu_duplicate_case_Status",
                table: "stu_duplicate_case",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_stu_duplicate_case_StudentAId_StudentBId",
                table: "stu_duplicate_case",
                columns: new[] { "StudentAId", "StudentBId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_stu_import_job_CityCode",
                table: "stu_import_job",
                column: "CityCode");

            migrationBuilder.CreateIndex(
                name: "IX_stu_import_job_ClassId",
                table: "stu_import_job",
                column: "ClassId");

            migrationBuilder.CreateIndex(
                name: "IX_stu_import_job_CountyCode",
                table: "stu_import_job",
                column: "CountyCode");

            migrationBuilder.CreateIndex(
                name: "IX_stu_import_job_ProvinceCode",
                table: "stu_import_job",
                column: "ProvinceCode");

            migrationBuilder.CreateIndex(
                name: "IX_stu_import_job_SchoolId",
                table: "stu_import_job",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_stu_import_job_SchoolId_CreatedAt",
                table: "stu_import_job",
                columns: new[] { "SchoolId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_stu_transfer_OpenStudentId",
                table: "stu_transfer",
                column: "OpenStudentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_stu_transfer_StartedAt",
                table: "stu_transfer",
                column: "StartedAt");

            migrationBuilder.CreateIndex(
                name: "IX_stu_transfer_StudentId",
                table: "stu_transfer",
                column: "StudentId");

            migrationBuilder.CreateIndex(
                name: "IX_stu_transfer_party_CityCode",
                table: "stu_transfer_party",
                column: "CityCode");

            migrationBuilder.CreateIndex(
                name: "IX_stu_transfer_party_ClassId",
                table: "stu_transfer_party",
                column: "ClassId");

            migrationBuilder.CreateIndex(
                name: "IX_stu_transfer_party_CountyCode",
                table: "stu_transfer_party",
                column: "CountyCode");

            migrationBuilder.CreateIndex(
                name: "IX_stu_transfer_party_ProvinceCode",
                table: "stu_transfer_party",
                column: "ProvinceCode");

            migrationBuilder.CreateIndex(
                name: "IX_stu_transfer_party_SchoolId",
                table: "stu_transfer_party",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_stu_transfer_party_TransferId_Side",
                table: "stu_transfer_party",
                columns: new[] { "TransferId", "Side" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "stu_duplicate_case");

            migrationBuilder.DropTable(
                name: "stu_import_job");

            migrationBuilder.DropTable(
                name: "stu_transfer");

            migrationBuilder.DropTable(
                name: "stu_transfer_party");
        }
    }
}
