using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EduCloud.Teachers.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "tch_change",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TeacherId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    EffectiveOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FromStatus = table.Column<int>(type: "INTEGER", nullable: true),
                    ToStatus = table.Column<int>(type: "INTEGER", nullable: true),
                    FromSchoolId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FromSchoolName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ToSchoolId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ToSchoolName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    TransferId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClassId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tch_change", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "tch_teacher",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TeacherNumber = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Sex = table.Column<int>(type: "INTEGER", nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CitizenIdCipher = table.Column<string>(type: "TEXT", nullable: false),
                    CitizenIdHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CitizenIdMasked = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    EthnicityCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    EducationCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    TitleCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    SubjectCodes = table.Column<string>(type: "TEXT", nullable: false),
                    MainSubjectCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    HighestQualification = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClassId = table.Column<Guid>(type: "TEXT", nullable: true),
                    assignments = table.Column<string>(type: "TEXT", nullable: true),
                    qualifications = table.Column<string>(type: "TEXT", nullable: true),
                    training = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tch_teacher", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "tch_transfer",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TeacherId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TeacherNumber = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    TeacherName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    FromSchoolId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromSchoolName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ToSchoolId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ToSchoolName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    StartedBy = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    EffectiveOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tch_transfer", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "tch_transfer_step",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TransferId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Party = table.Column<int>(type: "INTEGER", nullable: false),
                    Decision = table.Column<int>(type: "INTEGER", nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClassId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tch_transfer_step", x => x.Id);
                    table.ForeignKey(
                        name: "FK_tch_transfer_step_tch_transfer_TransferId",
                        column: x => x.TransferId,
                        principalTable: "tch_transfer",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_tch_change_CityCode",
                table: "tch_change",
                column: "CityCode");

            migrationBuilder.CreateIndex(
                name: "IX_tch_change_ClassId",
                table: "tch_change",
                column: "ClassId");

            migrationBuilder.CreateIndex(
                name: "IX_tch_change_CountyCode",
                table: "tch_change",
                column: "CountyCode");

            migrationBuilder.CreateIndex(
                name: "IX_tch_change_ProvinceCode",
                table: "tch_change",
                column: "ProvinceCode");

            migrationBuilder.CreateIndex(
                name: "IX_tch_change_SchoolId",
                table: "tch_change",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_tch_change_TeacherId_RecordedAt",
                table: "tch_change",
                columns: new[] { "TeacherId", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_tch_teacher_AccountId",
                table: "tch_teacher",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_tch_teacher_CitizenIdHash",
                table: "tch_teacher",
                column: "CitizenIdHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_tch_teacher_CityCode",
                table: "tch_teacher",
                column: "CityCode");

            migrationBuilder.CreateIndex(
                name: "IX_tch_teacher_ClassId",
                table: "tch_teacher",
                column: "ClassId");

            migrationBuilder.CreateIndex(
                name: "IX_tch_teacher_CountyCode",
                table: "tch_teacher",
                column: "CountyCode");

            migrationBuilder.CreateIndex(
                name: "IX_tch_teacher_ProvinceCode",
                table: "tch_teacher",
                column: "ProvinceCode");

            migrationBuilder.CreateIndex(
                name: "IX_tch_teacher_SchoolId",
                table: "tch_teacher",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_tch_teacher_SchoolId_Status",
                table: "tch_teacher",
                columns: new[] { "SchoolId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_tch_teacher_TeacherNumber",
                table: "tch_teacher",
                column: "TeacherNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_tch_transfer_TeacherId_Status",
                table: "tch_transfer",
                columns: new[] { "TeacherId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_tch_transfer_step_CityCode",
                table: "tch_transfer_step",
                column: "CityCode");

            migrationBuilder.CreateIndex(
                name: "IX_tch_transfer_step_ClassId",
                table: "tch_transfer_step",
                column: "ClassId");

            migrationBuilder.CreateIndex(
                name: "IX_tch_transfer_step_CountyCode",
                table: "tch_transfer_step",
                column: "CountyCode");

            migrationBuilder.CreateIndex(
                name: "IX_tch_transfer_step_ProvinceCode",
                table: "tch_transfer_step",
                column: "ProvinceCode");

            migrationBuilder.CreateIndex(
                name: "IX_tch_transfer_step_SchoolId",
                table: "tch_transfer_step",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_tch_transfer_step_TransferId_Order",
                table: "tch_transfer_step",
                columns: new[] { "TransferId", "Order" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "tch_change");

            migrationBuilder.DropTable(
                name: "tch_teacher");

            migrationBuilder.DropTable(
                name: "tch_transfer_step");

            migrationBuilder.DropTable(
                name: "tch_transfer");
        }
    }
}
