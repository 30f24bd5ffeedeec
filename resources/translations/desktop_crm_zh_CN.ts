<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CustomerDetailView</name>
    <message>
        <source>Select a customer to see the file.</source>
        <translation>选择一位客户查看档案。</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Merge with…</source>
        <translation>合并…</translation>
    </message>
    <message>
        <source>(plate only)</source>
        <translation>（仅车牌）</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>File stage</source>
        <translation>档案阶段</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Maintainer / developer</source>
        <translation>维护人 / 开发人</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系偏好</translation>
    </message>
    <message>
        <source>Visits in 12 months</source>
        <translation>近 12 个月到站</translation>
    </message>
    <message>
        <source>{n} visits, {litres} L</source>
        <translation>{n} 次，{litres} 升</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>客户需求</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>To complete</source>
        <translation>待补充</translation>
    </message>
    <message>
        <source>Vehicles</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>Fuel cards</source>
        <translation>加油卡</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>do not disturb</source>
        <translation>勿扰</translation>
    </message>
    <message>
        <source>no consent to contact</source>
        <translation>未同意联系</translation>
    </message>
    <message>
        <source>card</source>
        <translation>加油卡</translation>
    </message>
    <message>
        <source>cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>Refuel at {station}: {product} {litres} L, ¥{amount} ({paid})</source>
        <translation>在{station}加油：{product} {litres} 升，¥{amount}（{paid}）</translation>
    </message>
    <message>
        <source>Level {old} → {new} by {by}: {reason}</source>
        <translation>等级 {old} → {new}，{by}：{reason}</translation>
    </message>
    <message>
        <source>Maintainer</source>
        <translation>维护人</translation>
    </message>
    <message>
        <source>Developer</source>
        <translation>开发人</translation>
    </message>
    <message>
        <source>{role} {old} → {new} by {by}: {reason}</source>
        <translation>{role} {old} → {new}，{by}：{reason}</translation>
    </message>
    <message>
        <source>Callback ({reason}, {status}), due {due}, by {by}: {note}</source>
        <translation>回访（{reason}，{status}），应访日期 {due}，{by}：{note}</translation>
    </message>
    <message>
        <source>Complaint {number} ({category}, {severity}, {status}): {description}</source>
        <translation>投诉 {number}（{category}，{severity}，{status}）：{description}</translation>
    </message>
    <message>
        <source>File created</source>
        <translation>建档</translation>
    </message>
</context>
<context>
    <name>CustomerEditDialog</name>
    <message>
        <source>Hidden for your role; it stays as it is.</source>
        <translation>您的角色无权查看完整号码,保存时保持不变。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>Edit customer</source>
        <translation>编辑客户档案</translation>
    </message>
    <message>
        <source>Auditors can look at customer files but not change them.</source>
        <translation>审计员只能查看客户档案,不能修改。</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>(未设置)</translation>
    </message>
    <message>
        <source>Basic</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>客户类型</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <source>May stay empty on a first visit</source>
        <translation>首次建档可只登记车牌</translation>
    </message>
    <message>
        <source>ID type</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Second phone</source>
        <translation>备用电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Member no.</source>
        <translation>会员号</translation>
    </message>
    <message>
        <source>Referred by</source>
        <translation>介绍人</translation>
    </message>
    <message>
        <source>Plate</source>
        <translation>车牌</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>车型</translation>
    </message>
    <message>
        <source>Add vehicle</source>
        <translation>添加车辆</translation>
    </message>
    <message>
        <source>Vehicles</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>Card number</source>
        <translation>卡号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Add card</source>
        <translation>添加加油卡</translation>
    </message>
    <message>
        <source>Fuel cards</source>
        <translation>加油卡</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Add contact</source>
        <translation>添加联系人</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>维护</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Maintainer</source>
        <translation>维护人</translation>
    </message>
    <message>
        <source>Developer</source>
        <translation>开发人</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Volume tier</source>
        <translation>客户规模</translation>
    </message>
    <message>
        <source>Cares about</source>
        <translation>关注类型</translation>
    </message>
    <message>
        <source>Regular customer</source>
        <translation>固定客户</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Payment habit</source>
        <translation>付款习惯</translation>
    </message>
    <message>
        <source>Purchase cycle (days)</source>
        <translation>进油周期(天)</translation>
    </message>
    <message>
        <source>Credit limit (yuan)</source>
        <translation>信用额度(元)</translation>
    </message>
    <message>
        <source>Payment term (days)</source>
        <translation>账期(天)</translation>
    </message>
    <message>
        <source>Blacklisted</source>
        <translation>列入黑名单</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>偏好</translation>
    </message>
    <message>
        <source>Agrees to be contacted</source>
        <translation>同意接受联系</translation>
    </message>
    <message>
        <source>Do not disturb</source>
        <translation>免打扰</translation>
    </message>
    <message>
        <source>Preferred channel</source>
        <translation>首选联系方式</translation>
    </message>
    <message>
        <source>Preferred time</source>
        <translation>方便联系时间</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>客户需求</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Please correct the fields marked in red.</source>
        <translation>请更正标红的字段。</translation>
    </message>
    <message>
        <source>The phone {value} is also on file for {name}.</source>
        <translation>电话 {value} 也登记在 {name} 名下。</translation>
    </message>
    <message>
        <source>The plate {value} belongs to {name}.</source>
        <translation>车牌 {value} 已属于 {name}。</translation>
    </message>
    <message>
        <source>The fuel card {value} belongs to {name}.</source>
        <translation>加油卡 {value} 已属于 {name}。</translation>
    </message>
    <message>
        <source>a customer without a name</source>
        <translation>一位未登记姓名的客户</translation>
    </message>
    <message>
        <source>Open this customer</source>
        <translation>打开该客户</translation>
    </message>
    <message>
        <source>Level change</source>
        <translation>调整等级</translation>
    </message>
    <message>
        <source>Why does the level change from {old} to {new}?</source>
        <translation>等级由 {old} 调整为 {new} 的原因是什么?</translation>
    </message>
    <message>
        <source>New maintainer or developer</source>
        <translation>更换维护人或开发人</translation>
    </message>
    <message>
        <source>Why is the customer handed over to someone else?</source>
        <translation>为什么将该客户移交给他人?</translation>
    </message>
    <message>
        <source>This phone is already on file for another customer. If they share it (family, colleagues), click Save again; otherwise open that customer.</source>
        <translation>该电话已登记在其他客户名下。如为共用电话(家人、同事),请再次点击“保存”;否则请打开该客户。</translation>
    </message>
    <message>
        <source>Not saved yet: check the phone shown above.</source>
        <translation>尚未保存:请核对上方提示的电话。</translation>
    </message>
</context>
<context>
    <name>CustomerTab</name>
    <message>
        <source>Find: name, pinyin (zw / zhangwei), phone or last 4 digits, plate, card number</source>
        <translation>查找：姓名、拼音（zw / zhangwei）、手机或尾号、车牌、卡号</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Hand over…</source>
        <translation>转交客户…</translation>
    </message>
    <message>
        <source>Give all customers of one maintainer or developer to a colleague</source>
        <translation>把某位维护人或开发人的全部客户转交给同事</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Maintainer</source>
        <translation>维护人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>File stage</source>
        <translation>档案阶段</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>All: {label}</source>
        <translation>全部{label}</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>{n} customers</source>
        <translation>共 {n} 位客户</translation>
    </message>
    <message>
        <source>More than {n} customers found: type more to narrow the search.</source>
        <translation>找到超过 {n} 位客户：请多输入几个字缩小范围。</translation>
    </message>
    <message>
        <source>No customer found for “{q}”.</source>
        <translation>没有找到“{q}”。</translation>
    </message>
    <message>
        <source>{n} customers found</source>
        <translation>找到 {n} 位客户</translation>
    </message>
    <message>
        <source>{n} customers handed over</source>
        <translation>已转交 {n} 位客户</translation>
    </message>
    <message>
        <source>Export customers</source>
        <translation>导出客户</translation>
    </message>
    <message>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 文件 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Exported {n} customers to {path}</source>
        <translation>已导出 {n} 位客户到 {path}</translation>
    </message>
    <message>
        <source>Exporting customers…</source>
        <translation>正在导出客户…</translation>
    </message>
</context>
<context>
    <name>CustomerTableModel</name>
    <message>
        <source>Name</source>
        <translation>姓名/名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Plate</source>
        <translation>车牌</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Maintainer</source>
        <translation>维护人</translation>
    </message>
    <message>
        <source>File stage</source>
        <translation>档案阶段</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>完整度</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>最近到站</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>(plate only)</source>
        <translation>（仅车牌）</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>First run: set up the customer service system</source>
        <translation>首次运行：设置客户服务系统</translation>
    </message>
    <message>
        <source>This database has no users yet. Create your company, its first area and station, and the administrator&apos;s account.</source>
        <translation>该数据库还没有用户。请创建公司、第一个片区和站点，以及管理员账号。</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>组织机构</translation>
    </message>
    <message>
        <source>Company code</source>
        <translation>公司代码</translation>
    </message>
    <message>
        <source>Company name</source>
        <translation>公司名称</translation>
    </message>
    <message>
        <source>Area code</source>
        <translation>片区代码</translation>
    </message>
    <message>
        <source>Area name</source>
        <translation>片区名称</translation>
    </message>
    <message>
        <source>Station code</source>
        <translation>站点代码</translation>
    </message>
    <message>
        <source>Station name</source>
        <translation>站点名称</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>确认密码</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>Fill in every field.</source>
        <translation>请填写所有字段。</translation>
    </message>
</context>
<context>
    <name>GeneralPage</name>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>The new language applies the next time desktop_crm starts.</source>
        <translation>新的语言将在下次启动 desktop_crm 时生效。</translation>
    </message>
</context>
<context>
    <name>HandOverDialog</name>
    <message>
        <source>Hand over customers</source>
        <translation>转交客户</translation>
    </message>
    <message>
        <source>e.g. transferred to another station</source>
        <translation>例如：调往其他站点</translation>
    </message>
    <message>
        <source>Hand over as</source>
        <translation>转交身份</translation>
    </message>
    <message>
        <source>From</source>
        <translation>原负责人</translation>
    </message>
    <message>
        <source>To</source>
        <translation>接手人</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Hand over</source>
        <translation>转交</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Choose two different people.</source>
        <translation>请选择两个不同的人。</translation>
    </message>
    <message>
        <source>Handing over…</source>
        <translation>正在转交…</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Cells of the row</source>
        <translation>该行内容</translation>
    </message>
    <message>
        <source>Import customers or visits</source>
        <translation>导入客户或到站记录</translation>
    </message>
    <message>
        <source>Customers (客户档案)</source>
        <translation>客户档案</translation>
    </message>
    <message>
        <source>Refuel visits (card system export)</source>
        <translation>到站加油记录(加油卡系统导出)</translation>
    </message>
    <message>
        <source>a .xlsx or .csv file</source>
        <translation>.xlsx 或 .csv 文件</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Create a plate-only customer for an unknown plate</source>
        <translation>未登记的车牌自动建立仅车牌档案</translation>
    </message>
    <message>
        <source>The file holds</source>
        <translation>文件内容</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Station of rows without one</source>
        <translation>未注明站点的行归入</translation>
    </message>
    <message>
        <source>The header row may be below a title line. Columns with usual names (姓名, 手机, 车牌, 卡号, 身份证, 交易时间, 升数, 金额, …) are recognised; you can assign the others in the next step. Customers already on file are updated, never duplicated.</source>
        <translation>表头可以在标题行下面。常用列名(姓名、手机、车牌、卡号、身份证、交易时间、升数、金额等)会自动识别,其他列可在下一步指定。已有档案的客户只更新,不会重复建档。</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>(each row names its station)</source>
        <translation>(按每行的站点列)</translation>
    </message>
    <message>
        <source>Choose the file to import</source>
        <translation>选择要导入的文件</translation>
    </message>
    <message>
        <source>Excel or CSV (*.xlsx *.csv *.txt);;All files (*)</source>
        <translation>Excel 或 CSV (*.xlsx *.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>{n} data rows</source>
        <translation>数据 {n} 行</translation>
    </message>
    <message>
        <source>many data rows</source>
        <translation>数据行较多</translation>
    </message>
    <message>
        <source>Header row: row {row}, {rows}. Check the field each column goes to; columns set to “not imported” are left out.</source>
        <translation>表头在第 {row} 行,{rows}。请核对每一列对应的字段;设为“不导入”的列将被忽略。</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>(不导入)</translation>
    </message>
    <message>
        <source>(column {n})</source>
        <translation>(第 {n} 列)</translation>
    </message>
    <message>
        <source>Save error report…</source>
        <translation>保存错误报告…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>{file}: imported {imported}, updated {updated}, unchanged {skipped}, refused {errors}.</source>
        <translation>{file}:新增 {imported},更新 {updated},无变化 {skipped},未导入 {errors}。</translation>
    </message>
    <message>
        <source>Plate-only customers created: {n}.</source>
        <translation>新建仅车牌档案 {n} 个。</translation>
    </message>
    <message>
        <source>Save the error report</source>
        <translation>保存错误报告</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Error report saved: {path}</source>
        <translation>错误报告已保存:{path}</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Customer service desktop</source>
        <translation>客户服务系统</translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation>请输入用户名。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Customer service</source>
        <translation>客户服务系统</translation>
    </message>
    <message>
        <source>Customer file</source>
        <translation>客户档案</translation>
    </message>
    <message>
        <source>Callback queue</source>
        <translation>回访队列</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉处理</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Customers</source>
        <translation>客户(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Find customer</source>
        <translation>查找客户(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New customer</source>
        <translation>新建客户(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Basic settings…</source>
        <translation>基础设置(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>About desktop_crm</source>
        <translation>关于 desktop_crm</translation>
    </message>
    <message>
        <source>desktop_crm {version}: the customer-service desktop for branch offices.</source>
        <translation>desktop_crm {version}：面向基层网点的客户服务桌面系统。</translation>
    </message>
    <message>
        <source>User: {name} ({role})</source>
        <translation>用户：{name}（{role}）</translation>
    </message>
    <message>
        <source>Unit: {name} [{code}]</source>
        <translation>单位：{name} [{code}]</translation>
    </message>
    <message>
        <source>Database: {path}</source>
        <translation>数据库：{path}</translation>
    </message>
    <message>
        <source>Only the general page can be changed by you.</source>
        <translation>您只能修改“常规”页。</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge customer files</source>
        <translation>合并客户档案</translation>
    </message>
    <message>
        <source>Both files describe the same customer. The file on the left is kept and gets all vehicles, cards, contacts, visits, history, callbacks and complaints of the file on the right; empty fields are filled from it. The right file is then removed.</source>
        <translation>两份档案是同一位客户。左侧档案保留,并接收右侧档案的全部车辆、加油卡、联系人、消费记录、历史记录、回访和投诉;左侧的空白字段用右侧补全。随后删除右侧档案。</translation>
    </message>
    <message>
        <source>Keep the right file instead</source>
        <translation>改为保留右侧档案</translation>
    </message>
    <message>
        <source>e.g. the same customer was filed twice</source>
        <translation>例如:同一客户重复建档</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(未登记姓名)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>客户类型</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Maintainer</source>
        <translation>维护人</translation>
    </message>
    <message>
        <source>File stage</source>
        <translation>建档阶段</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>完整度</translation>
    </message>
    <message>
        <source>Filed on</source>
        <translation>建档日期</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>最近到站</translation>
    </message>
    <message>
        <source>Plates</source>
        <translation>车牌</translation>
    </message>
    <message>
        <source>Fuel cards</source>
        <translation>加油卡</translation>
    </message>
    <message>
        <source>Vehicles</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>加油卡张数</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>消费记录</translation>
    </message>
    <message>
        <source>Callbacks</source>
        <translation>回访记录</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Merged into it, then removed</source>
        <translation>并入后删除</translation>
    </message>
    <message>
        <source>Give a reason for the merge.</source>
        <translation>请填写合并原因。</translation>
    </message>
</context>
<context>
    <name>MergePicker</name>
    <message>
        <source>Merge two records of the same customer</source>
        <translation>合并同一客户的两份档案</translation>
    </message>
    <message>
        <source>Find the other record of this customer (name, phone, plate or card). Its vehicles, cards, visits and history move to the selected customer.</source>
        <translation>查找该客户的另一份档案（姓名、电话、车牌或卡号）。其车辆、加油卡、到站记录和历史将并入当前选中的客户。</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>OrgPage</name>
    <message>
        <source>Org tree</source>
        <translation>组织机构</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Add unit below</source>
        <translation>新增下级单位</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Deactivate / activate</source>
        <translation>停用 / 启用</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>已停用</translation>
    </message>
</context>
<context>
    <name>OrgUnitDialog</name>
    <message>
        <source>Edit unit</source>
        <translation>编辑单位</translation>
    </message>
    <message>
        <source>New unit</source>
        <translation>新增单位</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>上级单位</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Reset password of {login}</source>
        <translation>重置 {login} 的密码</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>确认密码</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Basic settings</source>
        <translation>基础设置</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>Edit user</source>
        <translation>编辑用户</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>新建用户</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Badge no.</source>
        <translation>工牌号</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>所属单位</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>确认密码</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Badge no.</source>
        <translation>工牌号</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>所属单位</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>已停用</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>Users</source>
        <translation>用户管理</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>新建用户</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>Deactivate / activate</source>
        <translation>停用 / 启用</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
</context>
<context>
    <name>background</name>
    <message>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>The operation failed and nothing was changed.</source>
        <translation>操作失败，未做任何更改。</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>Imported {imported}, updated {updated}, skipped {skipped}, errors {errors}.</source>
        <translation>新增 {imported},更新 {updated},跳过 {skipped},错误 {errors}。</translation>
    </message>
    <message>
        <source>Plate-only customers created: {count}.</source>
        <translation>新建仅车牌档案 {count} 个。</translation>
    </message>
    <message>
        <source>Row {row}: {reason}</source>
        <translation>第 {row} 行:{reason}</translation>
    </message>
    <message>
        <source>... {count} more refused rows: write them all with --errors FILE.csv</source>
        <translation>……另有 {count} 行未导入:用 --errors 文件.csv 输出全部错误行</translation>
    </message>
    <message>
        <source>Exporting customers</source>
        <translation>正在导出客户</translation>
    </message>
    <message>
        <source>Exported {rows} customers to {path}.</source>
        <translation>已导出 {rows} 个客户到 {path}。</translation>
    </message>
</context>
<context>
    <name>customers</name>
    <message>
        <source>Individual</source>
        <translation>个人客户</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>单位客户</translation>
    </message>
    <message>
        <source>Identity card</source>
        <translation>居民身份证</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>护照</translation>
    </message>
    <message>
        <source>Other document</source>
        <translation>其他证件</translation>
    </message>
    <message>
        <source>Prospect</source>
        <translation>潜在客户</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新客户</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>活跃</translation>
    </message>
    <message>
        <source>Dormant</source>
        <translation>休眠</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>流失</translation>
    </message>
    <message>
        <source>Plate only</source>
        <translation>仅车牌</translation>
    </message>
    <message>
        <source>Preliminary file</source>
        <translation>初级档案</translation>
    </message>
    <message>
        <source>Complete file</source>
        <translation>完整档案</translation>
    </message>
    <message>
        <source>Price-focused</source>
        <translation>价格关注型</translation>
    </message>
    <message>
        <source>Brand-loyal</source>
        <translation>品牌型</translation>
    </message>
    <message>
        <source>Secure supply</source>
        <translation>保障资源型</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>情感型</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Employer or address</source>
        <translation>工作单位或地址</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Preferred channel</source>
        <translation>首选联系方式</translation>
    </message>
    <message>
        <source>Birthday or contact person</source>
        <translation>生日或联系人</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>客户需求</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>QQ</source>
        <translation>QQ</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>On-site visit</source>
        <translation>上门拜访</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>Fuel card</source>
        <translation>加油卡</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Reported lost</source>
        <translation>已挂失</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已注销</translation>
    </message>
    <message>
        <source>Maintainer</source>
        <translation>维护人</translation>
    </message>
    <message>
        <source>Developer</source>
        <translation>开发人</translation>
    </message>
    <message>
        <source>Merged into {name} (file {id}): {reason}</source>
        <translation>已合并到 {name}(档案 {id}):{reason}</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Cannot read {path}: {reason}. Check the file&apos;s permissions.</source>
        <translation>无法读取 {path}：{reason}。请检查文件权限。</translation>
    </message>
    <message>
        <source>{path} is not a desktop_crm database (it is not a SQLite file). Choose another file, or restore a backup.</source>
        <translation>{path} 不是 desktop_crm 数据库（不是 SQLite 文件）。请选择其他文件，或从备份恢复。</translation>
    </message>
    <message>
        <source>{path} is damaged and cannot be read ({reason}). Restore it from a backup.</source>
        <translation>{path} 已损坏，无法读取（{reason}）。请从备份恢复。</translation>
    </message>
    <message>
        <source>{path} is a folder, not a database file.</source>
        <translation>{path} 是文件夹，不是数据库文件。</translation>
    </message>
    <message>
        <source>{path} is a SQLite database of another program, not of desktop_crm. Choose another file.</source>
        <translation>{path} 是其他程序的 SQLite 数据库，不是 desktop_crm 的数据库。请选择其他文件。</translation>
    </message>
    <message>
        <source>{path} was written by a newer version of desktop_crm (schema {revision}). Install the newer version to open it; this version has not changed the file.</source>
        <translation>{path} 由更新版本的 desktop_crm 写入（结构版本 {revision}）。请安装新版本后再打开；当前版本未修改该文件。</translation>
    </message>
    <message>
        <source>{path} is in use by another program that is changing it. Close the other program (or wait a moment) and try again.</source>
        <translation>{path} 正被另一个程序修改。请关闭该程序（或稍候）再试。</translation>
    </message>
    <message>
        <source>Updating {path} to this version failed ({reason}). The file was not changed; a copy taken before the update is at {backup}.</source>
        <translation>将 {path} 升级到当前版本失败（{reason}）。文件未被修改；升级前的副本保存在 {backup}。</translation>
    </message>
    <message>
        <source>Cannot open {path}: {reason}.</source>
        <translation>无法打开 {path}：{reason}。</translation>
    </message>
    <message>
        <source>The password needs at least {n} characters.</source>
        <translation>密码至少需要 {n} 个字符。</translation>
    </message>
    <message>
        <source>The account {login} is locked after {max} failed attempts. Try again in {minutes} min (at {until}).</source>
        <translation>账号 {login} 因连续 {max} 次登录失败已被锁定。请 {minutes} 分钟后（{until}）再试。</translation>
    </message>
    <message>
        <source>Wrong password for the {max}th time: the account {login} is locked for {minutes} minutes (until {until}).</source>
        <translation>密码已连续错误 {max} 次：账号 {login} 已被锁定 {minutes} 分钟（至 {until}）。</translation>
    </message>
    <message>
        <source>Wrong user name or password. {left} more failed attempts lock the account for {minutes} minutes.</source>
        <translation>用户名或密码错误。再失败 {left} 次，账号将被锁定 {minutes} 分钟。</translation>
    </message>
    <message>
        <source>The account {login} has been deactivated. Ask your administrator.</source>
        <translation>账号 {login} 已被停用，请联系管理员。</translation>
    </message>
    <message>
        <source>The code may hold only letters, digits, - and _ (at most 32).</source>
        <translation>代码只能包含字母、数字、- 和 _（最多 32 个字符）。</translation>
    </message>
    <message>
        <source>Enter a name.</source>
        <translation>请输入名称。</translation>
    </message>
    <message>
        <source>The code {code} is already used by another unit.</source>
        <translation>代码 {code} 已被其他单位使用。</translation>
    </message>
    <message>
        <source>A station has no units below it; choose an area or the company.</source>
        <translation>站点下不能再设下级单位，请选择片区或公司。</translation>
    </message>
    <message>
        <source>Only the top of the tree is a company; add areas or stations below it.</source>
        <translation>只有最顶层是公司，其下请添加片区或站点。</translation>
    </message>
    <message>
        <source>The company itself cannot be deactivated.</source>
        <translation>不能停用公司本身。</translation>
    </message>
    <message>
        <source>You cannot deactivate the unit you belong to.</source>
        <translation>不能停用您自己所属的单位。</translation>
    </message>
    <message>
        <source>A unit cannot be moved below itself.</source>
        <translation>单位不能移到自己的下级。</translation>
    </message>
    <message>
        <source>This change needs a company administrator.</source>
        <translation>此项修改需要公司客户管理员。</translation>
    </message>
    <message>
        <source>Only a company administrator can change the org tree and the users.</source>
        <translation>只有公司客户管理员可以修改组织机构和用户。</translation>
    </message>
    <message>
        <source>The user name takes 2 to 64 letters, digits or . _ @ - characters.</source>
        <translation>用户名须为 2 到 64 个字母、数字或 . _ @ - 字符。</translation>
    </message>
    <message>
        <source>The user name {login} is already taken.</source>
        <translation>用户名 {login} 已被占用。</translation>
    </message>
    <message>
        <source>Enter the person&apos;s name.</source>
        <translation>请输入姓名。</translation>
    </message>
    <message>
        <source>Choose a role.</source>
        <translation>请选择角色。</translation>
    </message>
    <message>
        <source>You cannot take the administrator role from yourself.</source>
        <translation>不能取消您自己的管理员角色。</translation>
    </message>
    <message>
        <source>You cannot deactivate yourself.</source>
        <translation>不能停用您自己。</translation>
    </message>
    <message>
        <source>There is no active user {login}.</source>
        <translation>没有名为 {login} 的有效用户。</translation>
    </message>
    <message>
        <source>The database has no company administrator yet: run the first-run set-up.</source>
        <translation>数据库中还没有公司客户管理员：请先完成首次运行设置。</translation>
    </message>
    <message>
        <source>{path} already holds data; give a new file name for the demo database.</source>
        <translation>{path} 中已有数据，请为演示数据库换一个新的文件名。</translation>
    </message>
    <message>
        <source>--customers must be 0 or more.</source>
        <translation>--customers 必须是 0 或更大的整数。</translation>
    </message>
    <message>
        <source>--today takes a date as YYYY-MM-DD, not {value}.</source>
        <translation>--today 需要 YYYY-MM-DD 格式的日期，而不是 {value}。</translation>
    </message>
    <message>
        <source>No row of {file} could be imported; nothing was changed.</source>
        <translation>{file} 没有一行可以导入,数据未作任何改动。</translation>
    </message>
    <message>
        <source>This database has already been set up. Log in instead.</source>
        <translation>该数据库已完成初始设置，请直接登录。</translation>
    </message>
    <message>
        <source>Auditors may look at customer files but not change them.</source>
        <translation>审计员只能查看客户档案,不能修改。</translation>
    </message>
    <message>
        <source>This customer belongs to a unit outside yours; ask that station or its area to change it.</source>
        <translation>该客户属于您管辖范围以外的单位,请联系该站点或其片区修改。</translation>
    </message>
    <message>
        <source>The customer no longer exists: it may have been merged or deleted. Search for it again.</source>
        <translation>该客户档案已不存在,可能已被合并或删除。请重新查找。</translation>
    </message>
    <message>
        <source>The plate {value} is already on file for another customer, and a plate belongs to one customer. Open that customer, or merge the two files.</source>
        <translation>车牌 {value} 已登记在另一位客户名下,一个车牌只能属于一位客户。请打开该客户,或将两份档案合并。</translation>
    </message>
    <message>
        <source>The fuel card {value} is already on file for another customer, and a card belongs to one customer. Open that customer, or merge the two files.</source>
        <translation>加油卡 {value} 已登记在另一位客户名下,一张卡只能属于一位客户。请打开该客户,或将两份档案合并。</translation>
    </message>
    <message>
        <source>Choose the station the customer belongs to.</source>
        <translation>请选择客户所属站点。</translation>
    </message>
    <message>
        <source>{name} cannot look after customers of {station}: choose someone from that station, its area or the company.</source>
        <translation>{name} 不能维护 {station} 的客户:请选择该站点、所属片区或公司的人员。</translation>
    </message>
    <message>
        <source>Choose a level from the list.</source>
        <translation>请从列表中选择等级。</translation>
    </message>
    <message>
        <source>Choose a volume tier from the list.</source>
        <translation>请从列表中选择客户规模。</translation>
    </message>
    <message>
        <source>The referring customer is not on file (any more): choose another.</source>
        <translation>介绍人档案不存在(或已删除),请另选。</translation>
    </message>
    <message>
        <source>Give a reason for the change of level.</source>
        <translation>请填写调整等级的原因。</translation>
    </message>
    <message>
        <source>Give a reason for the change of maintainer or developer.</source>
        <translation>请填写更换维护人或开发人的原因。</translation>
    </message>
    <message>
        <source>Only a station master or a manager can hand customers over to another person.</source>
        <translation>只有站长或管理人员才能把客户移交给他人。</translation>
    </message>
    <message>
        <source>Choose a value from the list.</source>
        <translation>请从列表中选择。</translation>
    </message>
    <message>
        <source>E-mail is the preferred channel: enter the e-mail address too.</source>
        <translation>首选联系方式为电子邮件,请同时填写邮箱地址。</translation>
    </message>
    <message>
        <source>Too long: at most {max} characters.</source>
        <translation>内容过长:最多 {max} 个字符。</translation>
    </message>
    <message>
        <source>Only a station master or a manager can delete a customer file.</source>
        <translation>只有站长或管理人员才能删除客户档案。</translation>
    </message>
    <message>
        <source>Give a reason for deleting the customer file.</source>
        <translation>请填写删除客户档案的原因。</translation>
    </message>
    <message>
        <source>Enter a mobile number (11 digits starting 13 to 19) or a landline with its area code, e.g. 0311-86901234.</source>
        <translation>请输入手机号码(以 13 至 19 开头的 11 位数字)或带区号的固定电话,例如 0311-86901234。</translation>
    </message>
    <message>
        <source>Enter an e-mail address like name@example.com.</source>
        <translation>请输入有效的邮箱地址,例如 name@example.com。</translation>
    </message>
    <message>
        <source>An identity card number has 18 characters: 17 digits, then a digit or X.</source>
        <translation>身份证号码为 18 位:17 位数字,最后一位为数字或 X。</translation>
    </message>
    <message>
        <source>The birth date in this identity card number (characters 7 to 14) is not a possible date of birth.</source>
        <translation>该身份证号码中的出生日期(第 7 至 14 位)不是有效的出生日期。</translation>
    </message>
    <message>
        <source>The last character of this identity card number does not match the others: check the number.</source>
        <translation>身份证号码最后一位校验码与前 17 位不符,请核对号码。</translation>
    </message>
    <message>
        <source>A unified social credit code has 18 digits and capital letters (never I, O, S, V or Z).</source>
        <translation>统一社会信用代码为 18 位数字和大写字母(不含 I、O、S、V、Z)。</translation>
    </message>
    <message>
        <source>The last character of this unified social credit code does not match the others: check the code.</source>
        <translation>统一社会信用代码最后一位校验码与前 17 位不符,请核对代码。</translation>
    </message>
    <message>
        <source>Enter the birthday as a date, e.g. 1985-06-30.</source>
        <translation>请按日期格式填写生日,例如 1985-06-30。</translation>
    </message>
    <message>
        <source>The birthday must lie between 1900 and today.</source>
        <translation>生日须在 1900 年至今天之间。</translation>
    </message>
    <message>
        <source>The birthday differs from the date in the identity card number ({date}).</source>
        <translation>生日与身份证号码中的出生日期({date})不一致。</translation>
    </message>
    <message>
        <source>The second phone is the same as the first.</source>
        <translation>备用电话与电话相同。</translation>
    </message>
    <message>
        <source>Enter the contact&apos;s name.</source>
        <translation>请填写联系人姓名。</translation>
    </message>
    <message>
        <source>Enter the plate of this vehicle.</source>
        <translation>请填写该车辆的车牌。</translation>
    </message>
    <message>
        <source>{plate} is not a licence plate: a province, a letter and 5 characters (6 for a new-energy vehicle), e.g. 京A12345.</source>
        <translation>{plate} 不是有效的车牌:应为省份简称、一个字母和 5 位字符(新能源车为 6 位),例如 京A12345。</translation>
    </message>
    <message>
        <source>The plate {plate} is entered twice.</source>
        <translation>车牌 {plate} 重复填写。</translation>
    </message>
    <message>
        <source>A fuel card number has 6 to 32 digits or capital letters.</source>
        <translation>加油卡号应为 6 至 32 位数字或大写字母。</translation>
    </message>
    <message>
        <source>The card {card} is entered twice.</source>
        <translation>加油卡 {card} 重复填写。</translation>
    </message>
    <message>
        <source>Enter a whole number of days from {low} to {high}.</source>
        <translation>请输入 {low} 至 {high} 之间的整数天数。</translation>
    </message>
    <message>
        <source>Enter the credit limit in yuan: 0 or more, at most two decimals.</source>
        <translation>请以元为单位填写信用额度:不小于 0,最多两位小数。</translation>
    </message>
    <message>
        <source>Choose individual or organisation.</source>
        <translation>请选择个人客户或单位客户。</translation>
    </message>
    <message>
        <source>Enter a name, or at least a plate: a first-visit record needs only the plate.</source>
        <translation>请填写姓名,或至少填写车牌:首次建档只需登记车牌。</translation>
    </message>
    <message>
        <source>Enter the organisation&apos;s name.</source>
        <translation>请填写单位名称。</translation>
    </message>
    <message>
        <source>A customer file cannot be merged with itself.</source>
        <translation>客户档案不能与自身合并。</translation>
    </message>
    <message>
        <source>Give a reason for the merge.</source>
        <translation>请填写合并原因。</translation>
    </message>
    <message>
        <source>Unknown field {field} in the column mapping. Known fields: {known}.</source>
        <translation>列对应中的字段 {field} 不存在。可用字段:{known}。</translation>
    </message>
    <message>
        <source>The column mapping {part} has no =: write it as 源列=字段, e.g. 联系人手机=phone.</source>
        <translation>列对应 {part} 缺少 =:请写成 源列=字段,例如 联系人手机=phone。</translation>
    </message>
    <message>
        <source>The file has no row {row}.</source>
        <translation>文件没有第 {row} 行。</translation>
    </message>
    <message>
        <source>No header row found in the first {rows} rows: name the columns (e.g. 姓名, 手机, 车牌) or map them yourself.</source>
        <translation>前 {rows} 行中没有找到表头:请给各列加上列名(如 姓名、手机、车牌),或手工指定列对应。</translation>
    </message>
    <message>
        <source>The column {column} of the mapping is not in the file&apos;s header row.</source>
        <translation>列对应中的列 {column} 不在文件的表头中。</translation>
    </message>
    <message>
        <source>The file has no station column: choose the station the customers belong to.</source>
        <translation>文件中没有站点列:请选择这些客户所属的站点。</translation>
    </message>
    <message>
        <source>No column of the file holds {fields}: name such a column or map one.</source>
        <translation>文件中没有 {fields} 列:请添加该列或指定列对应。</translation>
    </message>
    <message>
        <source>The file has no data rows below its header row (row {row}).</source>
        <translation>表头(第 {row} 行)下面没有数据行。</translation>
    </message>
    <message>
        <source>The first rows of the file are empty.</source>
        <translation>文件开头几行都是空的。</translation>
    </message>
    <message>
        <source>Cannot read {path}: {reason}.</source>
        <translation>无法读取 {path}:{reason}。</translation>
    </message>
    <message>
        <source>{path} is empty: there is nothing to import.</source>
        <translation>{path} 是空文件,没有可导入的内容。</translation>
    </message>
    <message>
        <source>{path} is an old Excel 97-2003 workbook (.xls). Open it in Excel or WPS, save it as .xlsx or CSV and import that file.</source>
        <translation>{path} 是旧版 Excel 97-2003 文件(.xls)。请用 Excel 或 WPS 打开,另存为 .xlsx 或 CSV 后再导入。</translation>
    </message>
    <message>
        <source>{path} is not an Excel .xlsx workbook, or it is damaged. Open it in Excel or WPS and save it again as .xlsx or CSV.</source>
        <translation>{path} 不是 Excel .xlsx 文件,或文件已损坏。请用 Excel 或 WPS 打开后重新另存为 .xlsx 或 CSV。</translation>
    </message>
    <message>
        <source>{path} is not a CSV text file. Choose a .csv or .xlsx file exported from Excel, WPS or the card system.</source>
        <translation>{path} 不是 CSV 文本文件。请选择由 Excel、WPS 或加油卡系统导出的 .csv 或 .xlsx 文件。</translation>
    </message>
    <message>
        <source>{path} is not a readable CSV file ({reason}).</source>
        <translation>{path} 不是可读取的 CSV 文件({reason})。</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was imported.</source>
        <translation>导入已取消,没有导入任何数据。</translation>
    </message>
    <message>
        <source>Cannot write the error report {path}: {reason}.</source>
        <translation>无法写入错误报告 {path}:{reason}。</translation>
    </message>
    <message>
        <source>Your role may read the customer file but not import.</source>
        <translation>您的角色只能查看客户档案,不能导入。</translation>
    </message>
    <message>
        <source>There is no station {station}.</source>
        <translation>没有站点 {station}。</translation>
    </message>
    <message>
        <source>The station {station} is outside your organisation.</source>
        <translation>站点 {station} 不在您的管辖范围内。</translation>
    </message>
    <message>
        <source>Export to a file ending in .xlsx or .csv, not {name}.</source>
        <translation>请导出为 .xlsx 或 .csv 文件,而不是 {name}。</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}. Close it in Excel or choose another file.</source>
        <translation>无法写入 {path}:{reason}。请在 Excel 中关闭该文件或另选文件。</translation>
    </message>
</context>
<context>
    <name>import</name>
    <message>
        <source>Reading the file</source>
        <translation>正在读取文件</translation>
    </message>
    <message>
        <source>Checking rows</source>
        <translation>正在检查数据行</translation>
    </message>
    <message>
        <source>Finding existing customers</source>
        <translation>正在查找已有客户</translation>
    </message>
    <message>
        <source>Saving customers</source>
        <translation>正在保存客户</translation>
    </message>
    <message>
        <source>Updating the search index</source>
        <translation>正在更新搜索索引</translation>
    </message>
    <message>
        <source>The row has no name, phone, plate, fuel card or ID number.</source>
        <translation>该行没有姓名、电话、车牌、加油卡号或证件号码。</translation>
    </message>
    <message>
        <source>The row names no station the customer belongs to.</source>
        <translation>该行没有注明客户所属站点。</translation>
    </message>
    <message>
        <source>This customer is in the file of {station}, outside your organisation; it was not changed.</source>
        <translation>该客户属于 {station},不在您的管辖范围内,未作改动。</translation>
    </message>
    <message>
        <source>{key} belongs to the customer {customer}, but the row names {name}. Correct the file or the customer&apos;s file.</source>
        <translation>{key} 属于客户 {customer},但该行写的是 {name}。请更正文件或客户档案。</translation>
    </message>
    <message>
        <source>The customer this row matches ({customer}) already has another ID number. Correct the file or the customer&apos;s file.</source>
        <translation>该行对应的客户({customer})已登记了另一个证件号码。请更正文件或客户档案。</translation>
    </message>
    <message>
        <source>The fuel card {key} belongs to another customer ({customer}). Correct the file, or merge the two customers first.</source>
        <translation>加油卡 {key} 属于另一个客户({customer})。请更正文件,或先合并这两个客户。</translation>
    </message>
    <message>
        <source>The plate {key} belongs to another customer ({customer}). Correct the file, or merge the two customers first.</source>
        <translation>车牌 {key} 属于另一个客户({customer})。请更正文件,或先合并这两个客户。</translation>
    </message>
    <message>
        <source>The ID number {key} belongs to another customer ({customer}). Correct the file, or merge the two customers first.</source>
        <translation>证件号码 {key} 属于另一个客户({customer})。请更正文件,或先合并这两个客户。</translation>
    </message>
    <message>
        <source>Saving visits</source>
        <translation>正在保存到站记录</translation>
    </message>
    <message>
        <source>Updating last visits and intervals</source>
        <translation>正在更新最近到站和进油周期</translation>
    </message>
    <message>
        <source>{value} is negative: refunds and corrections are not imported as visits.</source>
        <translation>{value} 是负数:退款和冲正不作为到站记录导入。</translation>
    </message>
    <message>
        <source>The row has no card number, plate or phone to find the customer by.</source>
        <translation>该行没有可用来查找客户的卡号、车牌或电话。</translation>
    </message>
    <message>
        <source>The row has no date.</source>
        <translation>该行没有日期。</translation>
    </message>
    <message>
        <source>The date {value} is in the future.</source>
        <translation>日期 {value} 晚于今天。</translation>
    </message>
    <message>
        <source>The row has neither litres nor amount.</source>
        <translation>该行既没有升数也没有金额。</translation>
    </message>
    <message>
        <source>The visit would belong to {station}, outside your organisation: add a station column or choose your station.</source>
        <translation>该记录将归属 {station},不在您的管辖范围内:请添加站点列或选择您的站点。</translation>
    </message>
    <message>
        <source>The phone {phone} belongs to {count} customers: add the card number or plate to the row.</source>
        <translation>电话 {phone} 对应 {count} 个客户:请在该行填上卡号或车牌。</translation>
    </message>
    <message>
        <source>No customer has the card, plate or phone {key}: import or create the customer first.</source>
        <translation>没有卡号、车牌或电话为 {key} 的客户:请先导入或新建该客户。</translation>
    </message>
    <message>
        <source>There is no station {station}: write its code or name.</source>
        <translation>没有站点 {station}:请填写站点代码或名称。</translation>
    </message>
    <message>
        <source>The station {station} is outside your organisation.</source>
        <translation>站点 {station} 不在您的管辖范围内。</translation>
    </message>
    <message>
        <source>{user} is not one user of your organisation: write the maintainer&apos;s login or badge number.</source>
        <translation>{user} 不能唯一对应您单位的一个用户:请填写维护人的登录名或工牌号。</translation>
    </message>
    <message>
        <source>The text {value} is longer than {limit} characters.</source>
        <translation>文字 {value} 超过 {limit} 个字符。</translation>
    </message>
    <message>
        <source>The number {value} was stored by Excel as a number and has lost its last digits. Format the column as text, type the number again and import again.</source>
        <translation>号码 {value} 被 Excel 存成了数值,末几位已丢失。请把该列设为文本格式,重新输入号码后再导入。</translation>
    </message>
    <message>
        <source>{value} is not a mobile number (11 digits) or a landline with its area code.</source>
        <translation>{value} 不是手机号(11位)或带区号的固定电话。</translation>
    </message>
    <message>
        <source>{value} is not a licence plate (e.g. 京A12345).</source>
        <translation>{value} 不是有效车牌(如 京A12345)。</translation>
    </message>
    <message>
        <source>{value} is not a card number (6 to 32 digits or letters).</source>
        <translation>{value} 不是有效卡号(6到32位数字或字母)。</translation>
    </message>
    <message>
        <source>The ID number {value} is not valid: check its length, birth date and last character.</source>
        <translation>证件号码 {value} 无效:请核对位数、出生日期和最后一位校验码。</translation>
    </message>
    <message>
        <source>The unified social credit code {value} is not valid: check its 18 characters and the last one.</source>
        <translation>统一社会信用代码 {value} 无效:请核对18位字符和最后一位校验码。</translation>
    </message>
    <message>
        <source>{value} is not an e-mail address.</source>
        <translation>{value} 不是有效的电子邮箱。</translation>
    </message>
    <message>
        <source>Unknown customer type {value}: write 单位 or 个人.</source>
        <translation>未知的客户类型 {value}:请填写 单位 或 个人。</translation>
    </message>
    <message>
        <source>Unknown customer level {value}.</source>
        <translation>未知的客户等级 {value}。</translation>
    </message>
    <message>
        <source>{value} is not a number.</source>
        <translation>{value} 不是数字。</translation>
    </message>
    <message>
        <source>{value} is not an amount of money.</source>
        <translation>{value} 不是有效金额。</translation>
    </message>
    <message>
        <source>{value} is not a date (write it as 2025-01-02).</source>
        <translation>{value} 不是日期(请写成 2025-01-02)。</translation>
    </message>
    <message>
        <source>{value} is not a time of day (write it as 08:30).</source>
        <translation>{value} 不是时间(请写成 08:30)。</translation>
    </message>
</context>
<context>
    <name>import_fields</name>
    <message>
        <source>Name</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <source>Customer type (单位/个人)</source>
        <translation>客户类型(单位/个人)</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机/电话</translation>
    </message>
    <message>
        <source>Second phone</source>
        <translation>备用电话</translation>
    </message>
    <message>
        <source>Plate</source>
        <translation>车牌号</translation>
    </message>
    <message>
        <source>Vehicle model</source>
        <translation>车型</translation>
    </message>
    <message>
        <source>Fuel card number</source>
        <translation>加油卡号</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>客户等级</translation>
    </message>
    <message>
        <source>Station (code or name)</source>
        <translation>站点(代码或名称)</translation>
    </message>
    <message>
        <source>Maintainer (login, badge or name)</source>
        <translation>维护人(登录名、工牌号或姓名)</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Member number</source>
        <translation>会员号</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>客户需求</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Date (and time)</source>
        <translation>日期(时间)</translation>
    </message>
    <message>
        <source>Time of day</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>油品</translation>
    </message>
    <message>
        <source>Litres</source>
        <translation>升数</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额(元)</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>付款方式</translation>
    </message>
</context>
<context>
    <name>orgs</name>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>片区</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>站点</translation>
    </message>
</context>
<context>
    <name>roles</name>
    <message>
        <source>Station staff</source>
        <translation>加油员/客服</translation>
    </message>
    <message>
        <source>Station master</source>
        <translation>站长</translation>
    </message>
    <message>
        <source>Area manager</source>
        <translation>片区经理</translation>
    </message>
    <message>
        <source>Company administrator</source>
        <translation>公司客户管理员</translation>
    </message>
    <message>
        <source>Auditor</source>
        <translation>审计员</translation>
    </message>
</context>
</TS>
