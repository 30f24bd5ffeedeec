<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BookDialog</name>
    <message>
        <source>Book a time</source>
        <translation>预约回访时间</translation>
    </message>
    <message>
        <source>The time agreed with the customer for the call or visit.</source>
        <translation>与客户约定的回访电话或上门时间。</translation>
    </message>
    <message>
        <source>Booked time</source>
        <translation>预约时间</translation>
    </message>
    <message>
        <source>Agreed by</source>
        <translation>约定方式</translation>
    </message>
</context>
<context>
    <name>BriefingView</name>
    <message>
        <source>Select a callback to see what to read before calling.</source>
        <translation>选择一条回访任务，查看回访前需要了解的情况。</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（无姓名）</translation>
    </message>
    <message>
        <source>booked for {time}</source>
        <translation>已预约 {time}</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>回访目的</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>专项活动</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>应回访日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Tries</source>
        <translation>联系次数</translation>
    </message>
    <message>
        <source>{n} of {max}</source>
        <translation>{n} / {max}</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系偏好</translation>
    </message>
    <message>
        <source>Plates</source>
        <translation>车牌</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>所属站点</translation>
    </message>
    <message>
        <source>Maintainer</source>
        <translation>维护人</translation>
    </message>
    <message>
        <source>Customer status</source>
        <translation>客户状态</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>最近到站</translation>
    </message>
    <message>
        <source>Usual interval</source>
        <translation>常规到站周期</translation>
    </message>
    <message>
        <source>{days} days</source>
        <translation>{days} 天</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>近 90 天</translation>
    </message>
    <message>
        <source>{n} visits, {litres} L</source>
        <translation>到站 {n} 次，{litres} 升</translation>
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
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Other callbacks of this customer</source>
        <translation>该客户的其他回访</translation>
    </message>
    <message>
        <source>{day} {reason}, {status}</source>
        <translation>{day} {reason}，{status}</translation>
    </message>
    <message>
        <source>satisfaction {n}/5</source>
        <translation>满意度 {n}/5</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>反映问题</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>意见建议</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>措施</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>None yet.</source>
        <translation>暂无。</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>无。</translation>
    </message>
    <message>
        <source>Recent visits</source>
        <translation>最近到站</translation>
    </message>
    <message>
        <source>do not disturb</source>
        <translation>勿扰</translation>
    </message>
    <message>
        <source>no consent to contact</source>
        <translation>未同意联系</translation>
    </message>
</context>
<context>
    <name>BulkReassignDialog</name>
    <message>
        <source>Hand over customers of {name}</source>
        <translation>移交{name}的客户</translation>
    </message>
    <message>
        <source>{name} maintains {n} customers (plus {p} prospects and {l} lost ones). Each customer goes to the receiver who has the fewest at that moment.</source>
        <translation>{name}维护{n}户客户（另有潜在客户{p}户、流失客户{l}户）。每户客户交给当时维护客户最少的接收人。</translation>
    </message>
    <message>
        <source>All {n} customers</source>
        <translation>全部{n}户客户</translation>
    </message>
    <message>
        <source>The {n} above the ceiling of {max}</source>
        <translation>超出上限{max}户的{n}户</translation>
    </message>
    <message>
        <source>The customers ticked below</source>
        <translation>下面勾选的客户</translation>
    </message>
    <message>
        <source>Tick all</source>
        <translation>全选</translation>
    </message>
    <message>
        <source>Tick none</source>
        <translation>全不选</translation>
    </message>
    <message>
        <source>{name} (maintains {n})</source>
        <translation>{name}（维护{n}户）</translation>
    </message>
    <message>
        <source>e.g. evening out the workload</source>
        <translation>例如：均衡工作量</translation>
    </message>
    <message>
        <source>Hand over</source>
        <translation>移交</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>To</source>
        <translation>交给</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Hand over {n}</source>
        <translation>移交{n}户</translation>
    </message>
    <message>
        <source>Handing over customers…</source>
        <translation>正在移交客户…</translation>
    </message>
</context>
<context>
    <name>CallbackDoneDialog</name>
    <message>
        <source>Not given</source>
        <translation>未给出</translation>
    </message>
    <message>
        <source>What the customer said about the handling</source>
        <translation>客户对处理结果的评价</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>CallbackRulesPage</name>
    <message>
        <source>Callback rules</source>
        <translation>回访规则</translation>
    </message>
    <message>
        <source>Absence anomaly (异常)</source>
        <translation>未到站异常</translation>
    </message>
    <message>
        <source>Days past the usual interval</source>
        <translation>超过消费周期的天数</translation>
    </message>
    <message>
        <source>Visits needed for a usual interval</source>
        <translation>计算消费周期所需的到站次数</translation>
    </message>
    <message>
        <source>Still call up to (days late)</source>
        <translation>超期多少天内仍生成回访</translation>
    </message>
    <message>
        <source>Due after (days)</source>
        <translation>限期（天）</translation>
    </message>
    <message>
        <source>Volume drop</source>
        <translation>消费量下降</translation>
    </message>
    <message>
        <source>Drop against the months before</source>
        <translation>比前几个月下降</translation>
    </message>
    <message>
        <source>Months compared with</source>
        <translation>对比的月数</translation>
    </message>
    <message>
        <source>Exit survey (lost customers)</source>
        <translation>退出调查（流失客户）</translation>
    </message>
    <message>
        <source>Last visit within (days)</source>
        <translation>最近一次到站在（天）以内</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>回访记录</translation>
    </message>
    <message>
        <source>Tries before “unreachable”</source>
        <translation>标记“联系不上”前的尝试次数</translation>
    </message>
    <message>
        <source>Book the call ahead (days)</source>
        <translation>提前预约天数</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Exit reasons</source>
        <translation>流失原因</translation>
    </message>
    <message>
        <source>New event</source>
        <translation>新事件</translation>
    </message>
    <message>
        <source>Campaign events</source>
        <translation>特定回访事件</translation>
    </message>
    <message>
        <source>Written for</source>
        <translation>用于</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>Texts written into tasks (the names in braces are filled in)</source>
        <translation>写入回访任务的文字（花括号中的名称会自动填入）</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Routine callback ({rule})</source>
        <translation>例行回访（{rule}）</translation>
    </message>
    <message>
        <source>Absence ({interval}, {last})</source>
        <translation>未到站异常（{interval}，{last}）</translation>
    </message>
    <message>
        <source>Volume drop ({month}, {recent}, {average})</source>
        <translation>消费量下降（{month}，{recent}，{average}）</translation>
    </message>
    <message>
        <source>Exit survey</source>
        <translation>退出调查</translation>
    </message>
    <message>
        <source>Campaign ({event}, {name})</source>
        <translation>特定回访（{event}，{name}）</translation>
    </message>
    <message>
        <source>Preferred time ({time})</source>
        <translation>方便的时间（{time}）</translation>
    </message>
    <message>
        <source>Note: customer came back ({date})</source>
        <translation>备注：客户已到站（{date}）</translation>
    </message>
    <message>
        <source>Note: do not disturb / no consent</source>
        <translation>备注：勿扰或未同意联系</translation>
    </message>
    <message>
        <source>Saved. The rules apply from their next run.</source>
        <translation>已保存。规则在下次运行时生效。</translation>
    </message>
    <message>
        <source>Usual intervals recomputed for {n} customers.</source>
        <translation>已重新计算 {n} 位客户的消费周期。</translation>
    </message>
    <message>
        <source>Saving the rules…</source>
        <translation>正在保存规则…</translation>
    </message>
</context>
<context>
    <name>CallbackTab</name>
    <message>
        <source>Queue</source>
        <translation>回访队列</translation>
    </message>
    <message>
        <source>Weekly reports</source>
        <translation>回访周报</translation>
    </message>
    <message>
        <source>Workload</source>
        <translation>工作量（1:15）</translation>
    </message>
</context>
<context>
    <name>CampaignDialog</name>
    <message>
        <source>New callback campaign</source>
        <translation>新建特定回访活动</translation>
    </message>
    <message>
        <source>Pick an event or type your own</source>
        <translation>选择事件或自行输入</translation>
    </message>
    <message>
        <source>e.g. Cold wave: care call to key customers</source>
        <translation>例如：寒潮降温，关怀重点客户</translation>
    </message>
    <message>
        <source>On or after</source>
        <translation>不早于</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>早于</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>活动名称</translation>
    </message>
    <message>
        <source>Call by</source>
        <translation>完成期限</translation>
    </message>
    <message>
        <source>Customers to call (nothing ticked: all)</source>
        <translation>回访哪些客户（不勾选即全部）</translation>
    </message>
    <message>
        <source>Levels</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Kinds</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Statuses</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Stations</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>最近到站</translation>
    </message>
    <message>
        <source>Create callbacks</source>
        <translation>生成回访任务</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Only station masters and managers can start a callback campaign.</source>
        <translation>只有站长和管理人员才能发起特定回访活动。</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>{n} customers will get a callback task.</source>
        <translation>将为 {n} 位客户生成回访任务。</translation>
    </message>
    <message>
        <source>{n} more match but do not wish to be contacted (do not disturb or no consent): they get none.</source>
        <translation>另有 {n} 位客户符合条件但不希望被联系（勿扰或未同意联系），不会生成任务。</translation>
    </message>
    <message>
        <source>Creating the campaign&apos;s callbacks…</source>
        <translation>正在生成活动的回访任务…</translation>
    </message>
</context>
<context>
    <name>ChartTab</name>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Grading</source>
        <translation>客户评级</translation>
    </message>
    <message>
        <source>Scope:</source>
        <translation>范围：</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>期间：</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>最近12个月</translation>
    </message>
    <message>
        <source>Last 24 months</source>
        <translation>最近24个月</translation>
    </message>
    <message>
        <source>Last 6 months</source>
        <translation>最近6个月</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>去年</translation>
    </message>
    <message>
        <source>Up one level</source>
        <translation>返回上一级</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出到 Excel…</translation>
    </message>
    <message>
        <source>Loading charts…</source>
        <translation>正在加载图表…</translation>
    </message>
    <message>
        <source>Computing: %1</source>
        <translation>正在计算：%1</translation>
    </message>
    <message>
        <source>No data in this scope for this period.</source>
        <translation>该范围在此期间没有数据。</translation>
    </message>
    <message>
        <source>Click a bar to look one level down.</source>
        <translation>点击柱形可查看下一级。</translation>
    </message>
    <message>
        <source>Click a level&apos;s bar to list its customers.</source>
        <translation>点击某一等级的柱形可列出该等级的客户。</translation>
    </message>
    <message>
        <source>Customers of %1: %2</source>
        <translation>%1 的客户：%2 位</translation>
    </message>
    <message>
        <source>Customers of level %1: %2</source>
        <translation>等级 %1 的客户：%2 位</translation>
    </message>
    <message>
        <source>(the %1 seen most recently)</source>
        <translation>（仅列出最近到站的 %1 位）</translation>
    </message>
    <message>
        <source>Listing customers…</source>
        <translation>正在列出客户…</translation>
    </message>
    <message>
        <source>Export the chart&apos;s table</source>
        <translation>导出图表数据表</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>ClosureDialog</name>
    <message>
        <source>What caused it, as found when verifying</source>
        <translation>核实查明的原因</translation>
    </message>
    <message>
        <source>Who is responsible (person or post)</source>
        <translation>责任人（人员或岗位）</translation>
    </message>
    <message>
        <source>What was changed so it does not recur</source>
        <translation>为防止再次发生所做的改进</translation>
    </message>
    <message>
        <source>The staff concerned were informed</source>
        <translation>已教育/告知相关员工</translation>
    </message>
    <message>
        <source>Root causes (at most {n})</source>
        <translation>根本原因（最多 {n} 项）</translation>
    </message>
    <message>
        <source>Not asked yet</source>
        <translation>尚未询问</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Responsibility</source>
        <translation>责任</translation>
    </message>
    <message>
        <source>Corrective action</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <source>Customer satisfaction</source>
        <translation>客户满意度</translation>
    </message>
</context>
<context>
    <name>ComplaintDetailView</name>
    <message>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Responsibility</source>
        <translation>责任</translation>
    </message>
    <message>
        <source>Corrective action</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <source>Staff informed</source>
        <translation>已告知员工</translation>
    </message>
    <message>
        <source>Root causes</source>
        <translation>根本原因</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Select a complaint to see its handling.</source>
        <translation>选择一条投诉查看处理情况。</translation>
    </message>
    <message>
        <source> · paused</source>
        <translation> · 已暂停</translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation>处理单位</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Business line</source>
        <translation>业务</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Customer wants</source>
        <translation>客户诉求</translation>
    </message>
    <message>
        <source>adopted</source>
        <translation>已采纳</translation>
    </message>
    <message>
        <source>not adopted</source>
        <translation>未采纳</translation>
    </message>
    <message>
        <source>rewarded</source>
        <translation>已奖励</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Deadlines</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>met {when}</source>
        <translation>已完成 {when}</translation>
    </message>
    <message>
        <source>met late {when}</source>
        <translation>超时完成 {when}</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>结案</translation>
    </message>
    <message>
        <source>Handling log</source>
        <translation>处理记录</translation>
    </message>
    <message>
        <source>by {name}</source>
        <translation>经办 {name}</translation>
    </message>
    <message>
        <source>by the deadline clock</source>
        <translation>时限自动</translation>
    </message>
    <message>
        <source>responsible: {name}</source>
        <translation>责任人：{name}</translation>
    </message>
    <message>
        <source>notified: {names}</source>
        <translation>已通知：{names}</translation>
    </message>
    <message>
        <source>{deadline} deadline: most of its time is used</source>
        <translation>{deadline}时限：时间已大部分用去</translation>
    </message>
</context>
<context>
    <name>ComplaintIntakeDialog</name>
    <message>
        <source>New complaint or suggestion</source>
        <translation>受理投诉或建议</translation>
    </message>
    <message>
        <source>Find the customer: name, pinyin, phone or last 4 digits, plate, card</source>
        <translation>查找客户：姓名、拼音、电话或尾号4位、车牌、卡号</translation>
    </message>
    <message>
        <source>Anonymous (no customer file)</source>
        <translation>匿名（无客户档案）</translation>
    </message>
    <message>
        <source>Contact number, if given</source>
        <translation>联系电话（如有）</translation>
    </message>
    <message>
        <source>What happened, in the customer&apos;s words</source>
        <translation>事情经过（按客户原话）</translation>
    </message>
    <message>
        <source>What the customer asks for (apology, refund, explanation…)</source>
        <translation>客户诉求（道歉、退款、解释……）</translation>
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
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Business line</source>
        <translation>业务</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Customer wants</source>
        <translation>客户诉求</translation>
    </message>
    <message>
        <source>Choose the station…</source>
        <translation>选择站点……</translation>
    </message>
    <message>
        <source>(plate only)</source>
        <translation>（仅车牌）</translation>
    </message>
    <message>
        <source>No customer found for “{q}”.</source>
        <translation>未找到“{q}”对应的客户。</translation>
    </message>
    <message>
        <source>Customer: {who}</source>
        <translation>客户：{who}</translation>
    </message>
    <message>
        <source>Choose the customer from the search results, or tick “Anonymous”.</source>
        <translation>请从查找结果中选择客户，或勾选“匿名”。</translation>
    </message>
    <message>
        <source>Choose the station the complaint concerns.</source>
        <translation>请选择被投诉的站点。</translation>
    </message>
    <message>
        <source>Describe the complaint or suggestion.</source>
        <translation>请填写投诉或建议的内容。</translation>
    </message>
</context>
<context>
    <name>ComplaintLabels</name>
    <message>
        <source>{d}d {h}h</source>
        <translation>{d}天{h}小时</translation>
    </message>
    <message>
        <source>{h}h {m}min</source>
        <translation>{h}小时{m}分</translation>
    </message>
    <message>
        <source>{m}min</source>
        <translation>{m}分钟</translation>
    </message>
    <message>
        <source>{time} overdue</source>
        <translation>超时{time}</translation>
    </message>
    <message>
        <source>{time} left</source>
        <translation>剩余{time}</translation>
    </message>
</context>
<context>
    <name>ComplaintListsPage</name>
    <message>
        <source>Complaint lists</source>
        <translation>投诉分类与原因</translation>
    </message>
    <message>
        <source>Complaints already filed keep the category and causes they were given; a removed entry is no longer offered.</source>
        <translation>已登记的投诉保留原有的类别和原因；删除的条目今后不再供选择。</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>投诉类别</translation>
    </message>
    <message>
        <source>Root causes</source>
        <translation>根本原因</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>ComplaintTab</name>
    <message>
        <source>Open</source>
        <translation>未结</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近7天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近30天</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>本年</translation>
    </message>
    <message>
        <source>Find: number, words of the description, the customer&apos;s name, phone or plate</source>
        <translation>查找：编号、内容关键词、客户姓名、电话或车牌</translation>
    </message>
    <message>
        <source>New complaint</source>
        <translation>新投诉</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Queue of {unit}</source>
        <translation>{unit}待处理</translation>
    </message>
    <message>
        <source>All of {unit}</source>
        <translation>{unit}全部投诉</translation>
    </message>
    <message>
        <source>The queue holds what your unit handles now; complaints escalated above it or handled below it are under “All”.</source>
        <translation>待处理：本单位当前负责处理的投诉；已升级到上级或由下级处理的投诉在“全部投诉”中。</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
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
        <source>Me ({name})</source>
        <translation>我（{name}）</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载……</translation>
    </message>
    <message>
        <source>No complaint matches.</source>
        <translation>没有符合条件的投诉。</translation>
    </message>
    <message>
        <source>{n} complaints</source>
        <translation>共 {n} 条</translation>
    </message>
</context>
<context>
    <name>ComplaintTableModel</name>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Next deadline</source>
        <translation>下一时限</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>程度</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Paused · {text}</source>
        <translation>已暂停 · {text}</translation>
    </message>
    <message>
        <source>Anonymous {phone}</source>
        <translation>匿名 {phone}</translation>
    </message>
    <message>
        <source>{kind} due {due} ({state})</source>
        <translation>{kind}时限 {due}（{state}）</translation>
    </message>
</context>
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
        <source>New complaint…</source>
        <translation>受理投诉…</translation>
    </message>
    <message>
        <source>Print file…</source>
        <translation>打印档案…</translation>
    </message>
    <message>
        <source>(plate only)</source>
        <translation>（仅车牌）</translation>
    </message>
    <message>
        <source>{percent}% complete</source>
        <translation>完整度 {percent}%</translation>
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
        <source>Suggestion {number} ({status}): {description}</source>
        <translation>建议 {number}（{status}）：{description}</translation>
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
        <translation>您的角色无权查看完整号码，保存时保持不变。</translation>
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
        <translation>审计员只能查看客户档案，不能修改。</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>（未设置）</translation>
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
        <translation>进油周期（天）</translation>
    </message>
    <message>
        <source>Credit limit (yuan)</source>
        <translation>信用额度（元）</translation>
    </message>
    <message>
        <source>Payment term (days)</source>
        <translation>账期（天）</translation>
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
        <translation>该电话已登记在其他客户名下。如为共用电话（家人、同事），请再次点击“保存”；否则请打开该客户。</translation>
    </message>
    <message>
        <source>Not saved yet: check the phone shown above.</source>
        <translation>尚未保存：请核对上方提示的电话。</translation>
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
    <name>DayCloseDialog</name>
    <message>
        <source>Callbacks not recorded today</source>
        <translation>今日未记录的回访</translation>
    </message>
    <message>
        <source>{n} callbacks due today have no record yet. Each day&apos;s callbacks are recorded the same day (日清日结).</source>
        <translation>今天到期的回访还有 {n} 条没有记录。当天的回访当天记录（日清日结）。</translation>
    </message>
    <message>
        <source>booked {time}</source>
        <translation>预约 {time}</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（无姓名）</translation>
    </message>
    <message>
        <source>Go back and record</source>
        <translation>返回记录</translation>
    </message>
    <message>
        <source>Close anyway</source>
        <translation>仍然关闭</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
    <message>
        <source>Every callback due today is recorded.</source>
        <translation>今天到期的回访都已记录。</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
</context>
<context>
    <name>DayCloseGuard</name>
    <message>
        <source>Unrecorded callbacks today…</source>
        <translation>今日未记录回访…</translation>
    </message>
</context>
<context>
    <name>DayClosePage</name>
    <message>
        <source>End of day (日清日结)</source>
        <translation>日清日结</translation>
    </message>
    <message>
        <source>Each day&apos;s callbacks are recorded the same day. When the working day ends, and when the program is closed, everyone sees the callbacks due today that have no record yet.</source>
        <translation>当天的回访当天记录。下班时间到了以及关闭程序时，每个人都会看到今天到期但还没有记录的回访。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>The working day ends at</source>
        <translation>下班时间</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <source>Enrol with the head office</source>
        <translation>注册到总部</translation>
    </message>
    <message>
        <source>Enter the head office&apos;s address and the one-time enrolment code you got from the company administrator. This desktop then receives its part of the organisation and sends its changes; it keeps working offline.</source>
        <translation>请输入总部地址和公司管理员给您的一次性注册码。注册后，本机会收到所属单位的数据并发送本机的更改；没有网络时照常工作。</translation>
    </message>
    <message>
        <source>Head office address</source>
        <translation>总部地址</translation>
    </message>
    <message>
        <source>Enrolment code</source>
        <translation>注册码</translation>
    </message>
    <message>
        <source>Enrol</source>
        <translation>注册</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Enter the head office&apos;s address and the code.</source>
        <translation>请输入总部地址和注册码。</translation>
    </message>
    <message>
        <source>Contacting the head office…</source>
        <translation>正在连接总部…</translation>
    </message>
    <message>
        <source>Enrolled for {code} {name}. Fetching its data…</source>
        <translation>已注册为 {code} {name}，正在获取数据…</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>This desktop is enrolled, but its data could not be fetched yet: {reason}</source>
        <translation>本机已注册，但数据暂未获取：{reason}</translation>
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
        <source>Join a head office…</source>
        <translation>加入总部…</translation>
    </message>
    <message>
        <source>Your company already runs a head office: enrol this desktop with the code from the company administrator and receive your unit, its people and data.</source>
        <translation>公司已有总部：用公司管理员给的注册码注册本机，即可收到本单位的组织、人员和数据。</translation>
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
    <name>FlagsDialog</name>
    <message>
        <source>Adopted</source>
        <translation>已采纳</translation>
    </message>
    <message>
        <source>Rewarded</source>
        <translation>已奖励</translation>
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
    <name>GradingPage</name>
    <message>
        <source>Charts and grading</source>
        <translation>图表与客户评级</translation>
    </message>
    <message>
        <source>Weighted score S</source>
        <translation>加权综合得分 S</translation>
    </message>
    <message>
        <source>ABC by cumulative volume</source>
        <translation>按累计销量 ABC 分类</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Lost after this many days without a visit</source>
        <translation>超过多少天未到站视为流失</translation>
    </message>
    <message>
        <source>Big customers: volume tiers (comma-separated)</source>
        <translation>大客户：用量档次（以逗号分隔）</translation>
    </message>
    <message>
        <source>Weight of revenue (%)</source>
        <translation>销售额权重（%）</translation>
    </message>
    <message>
        <source>Weight of volume (%)</source>
        <translation>销量权重（%）</translation>
    </message>
    <message>
        <source>Weight of credit (%)</source>
        <translation>信用权重（%）</translation>
    </message>
    <message>
        <source>Weight of growth (%)</source>
        <translation>成长性权重（%）</translation>
    </message>
    <message>
        <source>Lowest score of grade %1</source>
        <translation>%1 级最低分</translation>
    </message>
    <message>
        <source>Full marks for revenue (yuan a year)</source>
        <translation>销售额满分标准（元/年）</translation>
    </message>
    <message>
        <source>Full marks for volume (litres a year)</source>
        <translation>销量满分标准（升/年）</translation>
    </message>
    <message>
        <source>Grading method</source>
        <translation>评级方法</translation>
    </message>
    <message>
        <source>ABC: class A up to (% of volume)</source>
        <translation>ABC：A 类截至累计销量（%）</translation>
    </message>
    <message>
        <source>ABC: class B up to (% of volume)</source>
        <translation>ABC：B 类截至累计销量（%）</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>GradingPanel</name>
    <message>
        <source>Scope:</source>
        <translation>范围：</translation>
    </message>
    <message>
        <source>Compute grades</source>
        <translation>计算评级</translation>
    </message>
    <message>
        <source>Apply to selected</source>
        <translation>应用到所选客户</translation>
    </message>
    <message>
        <source>Apply to all listed</source>
        <translation>全部应用</translation>
    </message>
    <message>
        <source>S = 40% revenue + 30% volume + 20% credit + 10% growth (weights and cut-offs in the settings); A from 91, B from 81, C from 65, no rounding: 90.5 is B.</source>
        <translation>S = 40% 销售额 + 30% 销量 + 20% 信用 + 10% 成长性（权重和分界线可在基础设置中修改）；91 分起为 A，81 分起为 B，65 分起为 C，不四舍五入：90.5 分为 B。</translation>
    </message>
    <message>
        <source>Grading…</source>
        <translation>正在评级…</translation>
    </message>
    <message>
        <source>Customers whose computed grade differs from their level: %1</source>
        <translation>计算等级与当前等级不一致的客户：%1 位</translation>
    </message>
    <message>
        <source>Levels changed: %1</source>
        <translation>已调整等级：%1 位</translation>
    </message>
    <message>
        <source>Changing levels…</source>
        <translation>正在调整等级…</translation>
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
    <name>HolidayDialog</name>
    <message>
        <source>Add a day</source>
        <translation>添加日期</translation>
    </message>
    <message>
        <source>e.g. 春节</source>
        <translation>例如 春节</translation>
    </message>
    <message>
        <source>Public holiday (day off)</source>
        <translation>法定节假日（休息）</translation>
    </message>
    <message>
        <source>Make-up working day (调休, worked)</source>
        <translation>调休上班日（上班）</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
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
    <name>HolidayModel</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation>星期</translation>
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
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <source>Make-up working day</source>
        <translation>调休上班</translation>
    </message>
    <message>
        <source>Public holiday</source>
        <translation>法定假日</translation>
    </message>
</context>
<context>
    <name>HolidaysPage</name>
    <message>
        <source>Working calendar</source>
        <translation>工作日历</translation>
    </message>
    <message>
        <source>Complaint closure deadlines count working days: Monday to Friday, except the public holidays below, plus the weekend days worked instead (调休).</source>
        <translation>投诉结案时限按工作日计算：周一至周五，扣除下列法定节假日，加上调休上班的周末。</translation>
    </message>
    <message>
        <source>Add a day…</source>
        <translation>添加日期……</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Enter the State Council schedule</source>
        <translation>填入国务院放假安排</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>{year}: {off} public holidays, {work} make-up working days</source>
        <translation>{year} 年：法定假日 {off} 天，调休上班 {work} 天</translation>
    </message>
    <message>
        <source>{date} saved.</source>
        <translation>{date} 已保存。</translation>
    </message>
    <message>
        <source>{date} removed.</source>
        <translation>{date} 已删除。</translation>
    </message>
    <message>
        <source>{n} days of the {year} schedule entered.</source>
        <translation>已填入 {year} 年放假安排 {n} 天。</translation>
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
        <translation>到站加油记录（加油卡系统导出）</translation>
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
        <translation>表头可以在标题行下面。常用列名（姓名、手机、车牌、卡号、身份证、交易时间、升数、金额等）会自动识别，其他列可在下一步指定。已有档案的客户只更新，不会重复建档。</translation>
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
        <translation>（按每行的站点列）</translation>
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
        <translation>表头在第 {row} 行，{rows}。请核对每一列对应的字段；设为“不导入”的列将被忽略。</translation>
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
        <translation>（不导入）</translation>
    </message>
    <message>
        <source>(column {n})</source>
        <translation>（第 {n} 列）</translation>
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
        <translation>{file}：新增 {imported}，更新 {updated}，无变化 {skipped}，未导入 {errors}。</translation>
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
        <translation>错误报告已保存：{path}</translation>
    </message>
</context>
<context>
    <name>ListEditor</name>
    <message>
        <source>New entry</source>
        <translation>新条目</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Save list</source>
        <translation>保存列表</translation>
    </message>
    <message>
        <source>“{value}” is already in the list.</source>
        <translation>“{value}”已在列表中。</translation>
    </message>
    <message>
        <source>Not saved yet.</source>
        <translation>尚未保存。</translation>
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
        <source>&amp;Reports</source>
        <translation>报表(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Daily report…</source>
        <translation>日报表(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Weekly callback report…</source>
        <translation>回访报告(&amp;W)…</translation>
    </message>
    <message>
        <source>&amp;Monthly analysis…</source>
        <translation>月度分析(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Complaint register…</source>
        <translation>投诉台账(&amp;C)…</translation>
    </message>
    <message>
        <source>Head &amp;office</source>
        <translation>总部(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Enrol with the head office…</source>
        <translation>注册到总部(&amp;E)…</translation>
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
        <source>Joined the head office</source>
        <translation>已加入总部</translation>
    </message>
    <message>
        <source>This desktop has joined the head office as {code} {name} and sent its data. People and units are the head office&apos;s from now on: the program closes now; start it again and log in.</source>
        <translation>本机已作为 {code} {name} 加入总部，并已发送本机数据。今后人员和单位以总部为准：程序现在关闭，请重新启动并登录。</translation>
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
        <translation>两份档案是同一位客户。左侧档案保留，并接收右侧档案的全部车辆、加油卡、联系人、消费记录、历史记录、回访和投诉；左侧的空白字段用右侧补全。随后删除右侧档案。</translation>
    </message>
    <message>
        <source>Keep the right file instead</source>
        <translation>改为保留右侧档案</translation>
    </message>
    <message>
        <source>e.g. the same customer was filed twice</source>
        <translation>例如：同一客户重复建档</translation>
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
        <translation>（未登记姓名）</translation>
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
    <name>PickModel</name>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>最近到站</translation>
    </message>
    <message>
        <source>(plate only)</source>
        <translation>（仅车牌）</translation>
    </message>
</context>
<context>
    <name>PolicyDialog</name>
    <message>
        <source>Edit deadline policy</source>
        <translation>修改时限规则</translation>
    </message>
    <message>
        <source>New policy</source>
        <translation>新增时限规则</translation>
    </message>
    <message>
        <source>Any category</source>
        <translation>所有类别</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Accept within (minutes)</source>
        <translation>受理时限（分钟）</translation>
    </message>
    <message>
        <source>First reply within (hours)</source>
        <translation>首次答复时限（小时）</translation>
    </message>
    <message>
        <source>Close within (working days)</source>
        <translation>结案时限（工作日）</translation>
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
    <name>PolicyModel</name>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Accept within (minutes)</source>
        <translation>受理时限（分钟）</translation>
    </message>
    <message>
        <source>First reply within (hours)</source>
        <translation>首次答复时限（小时）</translation>
    </message>
    <message>
        <source>Close within (working days)</source>
        <translation>结案时限（工作日）</translation>
    </message>
    <message>
        <source>Any category</source>
        <translation>所有类别</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <source>My tasks</source>
        <translation>我的任务</translation>
    </message>
    <message>
        <source>My team</source>
        <translation>我的团队</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>全部人员</translation>
    </message>
    <message>
        <source>All reasons</source>
        <translation>全部回访原因</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Record…</source>
        <translation>回访记录…</translation>
    </message>
    <message>
        <source>Fill in the callback record (回访记录)</source>
        <translation>填写回访记录表</translation>
    </message>
    <message>
        <source>Book…</source>
        <translation>预约…</translation>
    </message>
    <message>
        <source>Record the time agreed with the customer (预约)</source>
        <translation>记录与客户约定的时间（预约）</translation>
    </message>
    <message>
        <source>Reschedule…</source>
        <translation>改期…</translation>
    </message>
    <message>
        <source>Convert to complaint…</source>
        <translation>转为投诉…</translation>
    </message>
    <message>
        <source>Register what the customer raised as a complaint linked to this callback</source>
        <translation>将客户在回访中反映的问题登记为投诉，并与本次回访关联</translation>
    </message>
    <message>
        <source>New campaign…</source>
        <translation>新建专项回访…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>{group} ({n})</source>
        <translation>{group}（{n}）</translation>
    </message>
    <message>
        <source>{all} callbacks: {overdue} overdue, {today} today, {upcoming} later</source>
        <translation>共 {all} 条回访：逾期 {overdue} 条，今天 {today} 条，以后 {upcoming} 条</translation>
    </message>
    <message>
        <source>Callback rules: {label} {done}/{total}</source>
        <translation>回访规则：{label} {done}/{total}</translation>
    </message>
    <message>
        <source>Callback rules: {label}</source>
        <translation>回访规则：{label}</translation>
    </message>
    <message>
        <source>Callback rules: {n} new callbacks</source>
        <translation>回访规则：新增 {n} 条回访</translation>
    </message>
    <message>
        <source>Callback rules failed: {message}</source>
        <translation>回访规则运行失败：{message}</translation>
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
    <message>
        <source>Why is the complaint reopened?</source>
        <translation>为什么重新打开这条投诉?</translation>
    </message>
    <message>
        <source>What are you waiting for from the customer?</source>
        <translation>在等待客户提供什么?</translation>
    </message>
    <message>
        <source>What the customer answered (optional)</source>
        <translation>客户的答复（可不填）</translation>
    </message>
    <message>
        <source>Why should the level above handle it?</source>
        <translation>为什么需要上级处理?</translation>
    </message>
    <message>
        <source>What was the customer told?</source>
        <translation>答复客户的内容</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Waiting for</source>
        <translation>等待内容</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>答复</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>5 – very satisfied</source>
        <translation>5 – 非常满意</translation>
    </message>
    <message>
        <source>4 – satisfied</source>
        <translation>4 – 满意</translation>
    </message>
    <message>
        <source>3 – neutral</source>
        <translation>3 – 一般</translation>
    </message>
    <message>
        <source>2 – dissatisfied</source>
        <translation>2 – 不满意</translation>
    </message>
    <message>
        <source>1 – very dissatisfied</source>
        <translation>1 – 非常不满意</translation>
    </message>
    <message>
        <source>Callback record</source>
        <translation>回访记录</translation>
    </message>
    <message>
        <source>{customer}: {reason}</source>
        <translation>{customer}：{reason}</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>已联系上</translation>
    </message>
    <message>
        <source>Not reached</source>
        <translation>未联系上</translation>
    </message>
    <message>
        <source>Not asked</source>
        <translation>未询问</translation>
    </message>
    <message>
        <source>The customer&apos;s own words</source>
        <translation>按客户原话记录</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <source>This is the last try: the callback will be marked unreachable.</source>
        <translation>这是最后一次尝试：保存后该回访将标记为无法联系。</translation>
    </message>
    <message>
        <source>{n} more tries before the callback is marked unreachable.</source>
        <translation>再尝试 {n} 次仍未联系上，该回访将标记为无法联系。</translation>
    </message>
    <message>
        <source>The customer raised a complaint: open the complaint form after saving</source>
        <translation>客户提出了投诉：保存后打开投诉登记表</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>回访方式</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>客户需求</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>反映问题</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>意见建议</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>措施</translation>
    </message>
    <message>
        <source>Exit reason</source>
        <translation>流失原因</translation>
    </message>
    <message>
        <source>Next try</source>
        <translation>下次联系</translation>
    </message>
    <message>
        <source>Note</source>
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
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Add the charts of the charts tab (slow the first time on a big database)</source>
        <translation>附上图表页的全部图表（大数据库首次生成较慢）</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Preview…</source>
        <translation>打印预览…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出到 Excel…</translation>
    </message>
    <message>
        <source>Building the report…</source>
        <translation>正在生成报表…</translation>
    </message>
    <message>
        <source>Writing the file…</source>
        <translation>正在写入文件…</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>保存报表</translation>
    </message>
    <message>
        <source>Saved {path}.</source>
        <translation>已保存 {path}。</translation>
    </message>
</context>
<context>
    <name>ReportListModel</name>
    <message>
        <source>Week</source>
        <translation>周次</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>填报人</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>提交日期</translation>
    </message>
    <message>
        <source>Reviewed by</source>
        <translation>审阅人</translation>
    </message>
    <message>
        <source>Passed on</source>
        <translation>上报片区</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>片区阅读</translation>
    </message>
</context>
<context>
    <name>RescheduleDialog</name>
    <message>
        <source>Reschedule callback</source>
        <translation>回访改期</translation>
    </message>
    <message>
        <source>New due date</source>
        <translation>新的回访日期</translation>
    </message>
</context>
<context>
    <name>ScheduleDialog</name>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
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
    <name>SlaPage</name>
    <message>
        <source>Complaint deadlines</source>
        <translation>投诉时限</translation>
    </message>
    <message>
        <source>The most specific policy applies: one for the complaint&apos;s category and severity, else the one for its severity in any category. Closure counts working days of the working calendar. A change applies to complaints received from now on.</source>
        <translation>优先使用最具体的规则：先找该类别和严重程度的规则，没有则用该严重程度“所有类别”的规则。结案时限按工作日历计算工作日。修改只对今后受理的投诉生效。</translation>
    </message>
    <message>
        <source>New policy</source>
        <translation>新增规则</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Warn the owner when this share of the time is used:</source>
        <translation>时限用去此比例时提醒负责人：</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Policy deleted.</source>
        <translation>规则已删除。</translation>
    </message>
    <message>
        <source>Owners are warned at {share} % of the time.</source>
        <translation>时限用去 {share}% 时提醒负责人。</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <source>{old} → {new}</source>
        <translation>{old} → {new}</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>What was done, what comes next</source>
        <translation>已做的工作和下一步</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>&amp;Sync with head office now</source>
        <translation>立即与总部同步(&amp;S)</translation>
    </message>
    <message>
        <source>Syncing with the head office…</source>
        <translation>正在与总部同步…</translation>
    </message>
    <message>
        <source>Head office: not enrolled</source>
        <translation>总部：未注册</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Last sync: {when} · {count} changes waiting</source>
        <translation>上次同步：{when} · {count} 条更改待发送</translation>
    </message>
    <message>
        <source>Head office {server}, enrolled for {unit}</source>
        <translation>总部 {server}，注册单位 {unit}</translation>
    </message>
    <message>
        <source>Sync failed: {reason}</source>
        <translation>同步失败：{reason}</translation>
    </message>
</context>
<context>
    <name>TaskTableModel</name>
    <message>
        <source>Reason</source>
        <translation>回访原因</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Due / booked</source>
        <translation>回访日期/预约</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Tries</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（无姓名）</translation>
    </message>
    <message>
        <source>{status}, overdue</source>
        <translation>{status}，已逾期</translation>
    </message>
    <message>
        <source>{status}, to book</source>
        <translation>{status}，待预约</translation>
    </message>
</context>
<context>
    <name>TierRulesEditor</name>
    <message>
        <source>Routine callbacks by level (三级维护)</source>
        <translation>按等级例行回访（三级维护）</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>(none ticked: both)</source>
        <translation>（都不勾选：两类都算）</translation>
    </message>
    <message>
        <source>(the first active user with that role)</source>
        <translation>（该级别中第一个担任此角色的在职用户）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Levels</source>
        <translation>客户等级</translation>
    </message>
    <message>
        <source>Kinds</source>
        <translation>客户类型</translation>
    </message>
    <message>
        <source>Kept up by</source>
        <translation>维护层级</translation>
    </message>
    <message>
        <source>Owner&apos;s role</source>
        <translation>负责人角色</translation>
    </message>
    <message>
        <source>Named owner</source>
        <translation>指定负责人</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>回访频率</translation>
    </message>
    <message>
        <source>A customer is called under the first rule it matches, once per period, by its maintainer when the maintainer works at the rule&apos;s level (a station rule, a station employee), otherwise by the rule&apos;s owner at that level.</source>
        <translation>客户按其符合的第一条规则回访，每个周期一次：维护人在该规则的层级工作时（如站点规则、站点员工）由维护人回访，否则由该层级的规则负责人回访。</translation>
    </message>
    <message>
        <source>New rule</source>
        <translation>新规则</translation>
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
    <name>WeeklyReportHtml</name>
    <message>
        <source>Reached</source>
        <translation>已接通</translation>
    </message>
    <message>
        <source>Not reached</source>
        <translation>未接通</translation>
    </message>
    <message>
        <source>Booked / moved</source>
        <translation>已预约/改期</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>审阅</translation>
    </message>
    <message>
        <source>{time} by {name}</source>
        <translation>{time}，{name}</translation>
    </message>
    <message>
        <source>Passed to the area</source>
        <translation>上报片区</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>片区已阅</translation>
    </message>
    <message>
        <source>{avg} of 5 ({n} rated)</source>
        <translation>{avg}分（满分5分，{n}户评分）</translation>
    </message>
    <message>
        <source>none rated</source>
        <translation>无评分</translation>
    </message>
    <message>
        <source>Callbacks worked on</source>
        <translation>回访任务数</translation>
    </message>
    <message>
        <source>{n} (marked unreachable: {u})</source>
        <translation>{n}（其中标记为无法联系：{u}）</translation>
    </message>
    <message>
        <source>Only booked or moved</source>
        <translation>仅预约或改期</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>联系次数</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>By reason</source>
        <translation>按回访原因</translation>
    </message>
    <message>
        <source>With problems / suggestions</source>
        <translation>反映问题/提出建议</translation>
    </message>
    <message>
        <source>Complaints raised</source>
        <translation>转为投诉</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>需求</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>措施</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>No callbacks recorded in this week.</source>
        <translation>本周没有回访记录。</translation>
    </message>
    <message>
        <source>(plate only)</source>
        <translation>（仅车牌）</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>回访原因</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>What the customer said (verbatim)</source>
        <translation>客户原话（原始记录）</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>无法联系</translation>
    </message>
    <message>
        <source>complaint raised</source>
        <translation>已转投诉</translation>
    </message>
    <message>
        <source>Weekly callback report {week}: {name}, {station}</source>
        <translation>回访报告 {week}：{name}，{station}</translation>
    </message>
    <message>
        <source>{first} to {last}</source>
        <translation>{first} 至 {last}</translation>
    </message>
    <message>
        <source>Returned by {name}: {reason}</source>
        <translation>{name}退回：{reason}</translation>
    </message>
    <message>
        <source>Records up to {time}, when the report was submitted.</source>
        <translation>记录截至提交时间 {time}。</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>回访记录</translation>
    </message>
</context>
<context>
    <name>WeeklyReportPanel</name>
    <message>
        <source>All weeks</source>
        <translation>全部周次</translation>
    </message>
    <message>
        <source>{week} (this week)</source>
        <translation>{week}（本周）</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Summary of the week (the author&apos;s own words)</source>
        <translation>本周小结（填报人自述）</translation>
    </message>
    <message>
        <source>What customers said this week, what went well, what you will follow up</source>
        <translation>本周客户反映了什么、哪些做得好、下一步跟进什么</translation>
    </message>
    <message>
        <source>Guidance (指导意见), or why the report goes back</source>
        <translation>指导意见（或退回原因）</translation>
    </message>
    <message>
        <source>Area comment (optional)</source>
        <translation>片区意见（可不填）</translation>
    </message>
    <message>
        <source>Save summary</source>
        <translation>保存小结</translation>
    </message>
    <message>
        <source>Submit to the station master</source>
        <translation>提交站长</translation>
    </message>
    <message>
        <source>Save guidance</source>
        <translation>保存指导意见</translation>
    </message>
    <message>
        <source>Return to the author</source>
        <translation>退回填报人</translation>
    </message>
    <message>
        <source>Pass to the area</source>
        <translation>上报片区</translation>
    </message>
    <message>
        <source>Mark as read</source>
        <translation>标记已阅</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周次</translation>
    </message>
    <message>
        <source>My report for {week}</source>
        <translation>我的{week}周报</translation>
    </message>
    <message>
        <source>{names} and {n} more</source>
        <translation>{names}等，另有{n}人</translation>
    </message>
    <message>
        <source>Not handed in for {week}: {names}</source>
        <translation>{week}未交周报：{names}</translation>
    </message>
    <message>
        <source>Select a report to read it.</source>
        <translation>选择一份周报查看。</translation>
    </message>
    <message>
        <source>Summary saved.</source>
        <translation>小结已保存。</translation>
    </message>
    <message>
        <source>Submitted to the station master.</source>
        <translation>已提交站长。</translation>
    </message>
    <message>
        <source>Guidance saved.</source>
        <translation>指导意见已保存。</translation>
    </message>
    <message>
        <source>Returned to the author.</source>
        <translation>已退回填报人。</translation>
    </message>
    <message>
        <source>Passed to the area.</source>
        <translation>已上报片区。</translation>
    </message>
    <message>
        <source>Marked as read.</source>
        <translation>已标记为已阅。</translation>
    </message>
</context>
<context>
    <name>WorkloadModel</name>
    <message>
        <source>Employee</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Maintains</source>
        <translation>维护客户</translation>
    </message>
    <message>
        <source>of which dormant</source>
        <translation>其中休眠</translation>
    </message>
    <message>
        <source>Prospects</source>
        <translation>潜在客户</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>流失客户</translation>
    </message>
    <message>
        <source>Callbacks this month</source>
        <translation>本月回访</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Below {n}</source>
        <translation>少于{n}户</translation>
    </message>
    <message>
        <source>Above {n}</source>
        <translation>超过{n}户</translation>
    </message>
    <message>
        <source>Left: hand the customers over</source>
        <translation>已离职：请移交客户</translation>
    </message>
    <message>
        <source>Works in another unit</source>
        <translation>属其他单位</translation>
    </message>
    <message>
        <source>{name} (left)</source>
        <translation>{name}（已离职）</translation>
    </message>
</context>
<context>
    <name>WorkloadPage</name>
    <message>
        <source>Workload (1:15)</source>
        <translation>工作量（1:15）</translation>
    </message>
    <message>
        <source>Every employee maintains customers (客户人人管). The workload view warns about employees with fewer than the minimum or more than the ceiling of maintained customers (new, active and dormant; prospects and lost customers are not counted).</source>
        <translation>客户人人管、人人管客户。工作量视图提示维护客户少于下限或多于上限的员工（计入新客户、活跃客户和休眠客户；潜在客户和流失客户不计）。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>At least (customers per employee)</source>
        <translation>下限（每人维护客户数）</translation>
    </message>
    <message>
        <source>At most (ceiling)</source>
        <translation>上限</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>WorkloadPanel</name>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Hand over customers…</source>
        <translation>批量移交客户…</translation>
    </message>
    <message>
        <source>Give customers of the selected employee to colleagues of the same unit</source>
        <translation>把所选员工的客户交给同单位的同事</translation>
    </message>
    <message>
        <source>Counting customers…</source>
        <translation>正在统计客户…</translation>
    </message>
    <message>
        <source>Customers each employee maintains (new, active, dormant): at least {min}, at most {max}. Callbacks done in {month}.</source>
        <translation>每位员工维护的客户（新客户、活跃、休眠）：不少于{min}户，不多于{max}户。本月回访按{month}统计。</translation>
    </message>
    <message>
        <source>{n} below the minimum</source>
        <translation>{n}人低于下限</translation>
    </message>
    <message>
        <source>{n} above the ceiling</source>
        <translation>{n}人超过上限</translation>
    </message>
    <message>
        <source>{n} who left still have customers</source>
        <translation>{n}名离职人员仍有客户</translation>
    </message>
    <message>
        <source>{n} customers without a maintainer</source>
        <translation>{n}户客户没有维护人</translation>
    </message>
</context>
<context>
    <name>_ActionDialog</name>
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
    <name>app</name>
    <message>
        <source>Updating the database</source>
        <translation>正在更新数据库</translation>
    </message>
    <message>
        <source>Updating {name} for this version of the program. A copy of it is kept first. On a large database this takes a few minutes.</source>
        <translation>正在将 {name} 更新到本版程序的格式，更新前会先保留一份副本。数据量大时需要几分钟，请稍候。</translation>
    </message>
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
    <name>callbacks</name>
    <message>
        <source>Every month</source>
        <translation>每月</translation>
    </message>
    <message>
        <source>Every quarter</source>
        <translation>每季度</translation>
    </message>
    <message>
        <source>Every half year</source>
        <translation>每半年</translation>
    </message>
    <message>
        <source>Every year</source>
        <translation>每年</translation>
    </message>
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
    <message>
        <source>Phone</source>
        <translation>电话</translation>
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
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>On-site visit</source>
        <translation>上门拜访</translation>
    </message>
    <message>
        <source>Switched to another fuel company</source>
        <translation>转到其他油企加油</translation>
    </message>
    <message>
        <source>Moved away or changed route</source>
        <translation>搬家或路线变化</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格原因</translation>
    </message>
    <message>
        <source>Unhappy with the service</source>
        <translation>对服务不满意</translation>
    </message>
    <message>
        <source>Vehicle sold</source>
        <translation>车辆已出售</translation>
    </message>
    <message>
        <source>Other reason</source>
        <translation>其他原因</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation>以后</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Routine (level)</source>
        <translation>例行回访</translation>
    </message>
    <message>
        <source>Anomaly: absent</source>
        <translation>异常：未到站</translation>
    </message>
    <message>
        <source>Anomaly: volume drop</source>
        <translation>异常：用量下降</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>专项回访</translation>
    </message>
    <message>
        <source>Exit survey</source>
        <translation>退出调查</translation>
    </message>
    <message>
        <source>Complaint callback</source>
        <translation>投诉回访</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>手工添加</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待回访</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>已预约</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>无法联系</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Reading the recent visits</source>
        <translation>正在读取近期到站记录</translation>
    </message>
    <message>
        <source>Updating last visits and usual intervals</source>
        <translation>正在更新最近到站和消费周期</translation>
    </message>
    <message>
        <source>Closing finished anomalies</source>
        <translation>正在关闭已解除的异常</translation>
    </message>
    <message>
        <source>Routine callbacks by level</source>
        <translation>按等级例行回访</translation>
    </message>
    <message>
        <source>Absence anomalies</source>
        <translation>未到站异常</translation>
    </message>
    <message>
        <source>Volume drops</source>
        <translation>消费量下降</translation>
    </message>
    <message>
        <source>Exit surveys</source>
        <translation>退出调查</translation>
    </message>
    <message>
        <source>Callback booked for {time} by {by}</source>
        <translation>{by} 预约回访 {time}</translation>
    </message>
    <message>
        <source>Callback moved to {day} by {by}</source>
        <translation>{by} 将回访改到 {day}</translation>
    </message>
    <message>
        <source>Customer not reached ({channel}) by {by}, next try {day}</source>
        <translation>{by} 未联系上客户（{channel}），下次联系 {day}</translation>
    </message>
    <message>
        <source>Customer not reached ({channel}) by {by}: marked unreachable</source>
        <translation>{by} 未联系上客户（{channel}）：标记为无法联系</translation>
    </message>
    <message>
        <source>Callback recorded ({channel}) by {by}</source>
        <translation>{by} 已记录回访（{channel}）</translation>
    </message>
    <message>
        <source>Creating the campaign&apos;s callbacks</source>
        <translation>正在生成活动的回访任务</translation>
    </message>
</context>
<context>
    <name>charts</name>
    <message>
        <source>No data in this scope</source>
        <translation>该范围内没有数据</translation>
    </message>
    <message>
        <source>Customers by level and kind</source>
        <translation>客户等级与类型分布</translation>
    </message>
    <message>
        <source>No level</source>
        <translation>未定级</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>By level</source>
        <translation>按等级</translation>
    </message>
    <message>
        <source>By kind</source>
        <translation>按类型</translation>
    </message>
    <message>
        <source>New customers per month and year-on-year growth</source>
        <translation>每月新增客户及同比增长</translation>
    </message>
    <message>
        <source>New customers</source>
        <translation>新增客户</translation>
    </message>
    <message>
        <source>Unit growth (YoY)</source>
        <translation>单位客户同比</translation>
    </message>
    <message>
        <source>Individual growth (YoY)</source>
        <translation>个人客户同比</translation>
    </message>
    <message>
        <source>Year-on-year growth</source>
        <translation>同比增长</translation>
    </message>
    <message>
        <source>Card payment ratio per month</source>
        <translation>每月持卡消费比率</translation>
    </message>
    <message>
        <source>Card payment ratio</source>
        <translation>持卡消费比率</translation>
    </message>
    <message>
        <source>Big customers&apos; share of station volume</source>
        <translation>大客户占站点销量的比重</translation>
    </message>
    <message>
        <source>Share of litres</source>
        <translation>升数占比</translation>
    </message>
    <message>
        <source>Level changes per month</source>
        <translation>每月客户等级变动</translation>
    </message>
    <message>
        <source>Customer loss rate per month</source>
        <translation>每月顾客损失率</translation>
    </message>
    <message>
        <source>Lost: no visit for more than {days} days</source>
        <translation>流失定义：超过 {days} 天未到站</translation>
    </message>
    <message>
        <source>Loss rate</source>
        <translation>损失率</translation>
    </message>
    <message>
        <source>Callbacks due, done and on time; satisfaction</source>
        <translation>回访应回访、已完成、按时完成及满意度</translation>
    </message>
    <message>
        <source>Callbacks</source>
        <translation>回访数</translation>
    </message>
    <message>
        <source>Complaints by category (Pareto)</source>
        <translation>投诉分类（帕累托图）</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉数</translation>
    </message>
    <message>
        <source>Cumulative share</source>
        <translation>累计占比</translation>
    </message>
    <message>
        <source>Complaints closed within the deadline</source>
        <translation>投诉按期办结情况</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Closed on time</source>
        <translation>按期办结</translation>
    </message>
    <message>
        <source>Share closed on time</source>
        <translation>按期办结率</translation>
    </message>
    <message>
        <source>Per employee: customers maintained, callbacks, complaints</source>
        <translation>员工人均：维护客户数、回访、投诉处理</translation>
    </message>
    <message>
        <source>Target 1:{n}</source>
        <translation>目标 1:{n}</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Volume tier</source>
        <translation>用量档次</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>最近到站</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit customers</source>
        <translation>单位客户</translation>
    </message>
    <message>
        <source>Individual customers</source>
        <translation>个人客户</translation>
    </message>
    <message>
        <source>Unit, a year earlier</source>
        <translation>单位客户（上年同期）</translation>
    </message>
    <message>
        <source>Individual, a year earlier</source>
        <translation>个人客户（上年同期）</translation>
    </message>
    <message>
        <source>Unit growth (YoY) %</source>
        <translation>单位客户同比增长 %</translation>
    </message>
    <message>
        <source>Individual growth (YoY) %</source>
        <translation>个人客户同比增长 %</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>到站次数</translation>
    </message>
    <message>
        <source>Litres</source>
        <translation>升数</translation>
    </message>
    <message>
        <source>Litres paid by card</source>
        <translation>持卡消费升数</translation>
    </message>
    <message>
        <source>Amount (fen)</source>
        <translation>金额（分）</translation>
    </message>
    <message>
        <source>Amount by card (fen)</source>
        <translation>持卡金额（分）</translation>
    </message>
    <message>
        <source>Card payment ratio %</source>
        <translation>持卡消费比率 %</translation>
    </message>
    <message>
        <source>Card ratio by amount %</source>
        <translation>持卡金额比率 %</translation>
    </message>
    <message>
        <source>Litres of big customers</source>
        <translation>大客户升数</translation>
    </message>
    <message>
        <source>Share %</source>
        <translation>比重 %</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>升级</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>降级</translation>
    </message>
    <message>
        <source>First level or removed</source>
        <translation>首次定级或取消等级</translation>
    </message>
    <message>
        <source>Active at the start</source>
        <translation>月初活跃客户</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>流失</translation>
    </message>
    <message>
        <source>Won back</source>
        <translation>挽回</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新客户</translation>
    </message>
    <message>
        <source>Loss rate %</source>
        <translation>损失率 %</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>应回访</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>按时完成</translation>
    </message>
    <message>
        <source>Satisfaction (1-5)</source>
        <translation>满意度（1-5）</translation>
    </message>
    <message>
        <source>Rated calls</source>
        <translation>评价次数</translation>
    </message>
    <message>
        <source>On time %</source>
        <translation>按时率 %</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Cumulative %</source>
        <translation>累计占比 %</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>Open past the deadline</source>
        <translation>超期未办结</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>员工数</translation>
    </message>
    <message>
        <source>Customers maintained</source>
        <translation>维护客户数</translation>
    </message>
    <message>
        <source>Callbacks done</source>
        <translation>完成回访</translation>
    </message>
    <message>
        <source>Complaints handled</source>
        <translation>处理投诉</translation>
    </message>
    <message>
        <source>Reaching the target</source>
        <translation>达标人数</translation>
    </message>
    <message>
        <source>Customers per employee</source>
        <translation>人均维护客户数</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Score S</source>
        <translation>综合得分 S</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>评级</translation>
    </message>
    <message>
        <source>ABC class</source>
        <translation>ABC 分类</translation>
    </message>
    <message>
        <source>Proposed level</source>
        <translation>建议等级</translation>
    </message>
    <message>
        <source>Revenue score</source>
        <translation>销售额得分</translation>
    </message>
    <message>
        <source>Volume score</source>
        <translation>销量得分</translation>
    </message>
    <message>
        <source>Credit score</source>
        <translation>信用得分</translation>
    </message>
    <message>
        <source>Growth score</source>
        <translation>成长性得分</translation>
    </message>
    <message>
        <source>Grading: score {score}, grade {grade}</source>
        <translation>客户评级：得分 {score}，评为 {grade}</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>Imported {imported}, updated {updated}, skipped {skipped}, errors {errors}.</source>
        <translation>新增 {imported}，更新 {updated}，跳过 {skipped}，错误 {errors}。</translation>
    </message>
    <message>
        <source>Plate-only customers created: {count}.</source>
        <translation>新建仅车牌档案 {count} 个。</translation>
    </message>
    <message>
        <source>Row {row}: {reason}</source>
        <translation>第 {row} 行：{reason}</translation>
    </message>
    <message>
        <source>... {count} more refused rows: write them all with --errors FILE.csv</source>
        <translation>……另有 {count} 行未导入：用 --errors 文件.csv 输出全部错误行</translation>
    </message>
    <message>
        <source>Exporting customers</source>
        <translation>正在导出客户</translation>
    </message>
    <message>
        <source>Exported {rows} customers to {path}.</source>
        <translation>已导出 {rows} 个客户到 {path}。</translation>
    </message>
    <message>
        <source>Complaints checked {checked}: warned {warned}, escalated {escalated}, overdue at the company {overdue}.</source>
        <translation>已检查投诉 {checked} 件：预警 {warned}，升级 {escalated}，公司层级超时 {overdue}。</translation>
    </message>
    <message>
        <source>Wrote {path}.</source>
        <translation>已写入 {path}。</translation>
    </message>
    <message>
        <source>Enrolled with {server} for {code} {name}.</source>
        <translation>已在总部 {server} 注册，所属单位 {code} {name}。</translation>
    </message>
    <message>
        <source>This stand-alone desktop joined with its data: its units and users now carry the head office&apos;s ids and its data is sent with the next sync.</source>
        <translation>这台单机已带着本机数据加入总部：本机的单位和人员已改用总部的标识，数据将在下次同步时发送。</translation>
    </message>
    <message>
        <source>No system credential store here: the token is kept in the file {path}, readable by this user only.</source>
        <translation>本机没有系统凭据库：令牌保存在文件 {path} 中，只有当前用户可以读取。</translation>
    </message>
    <message>
        <source>The token is kept in the system credential store ({store}).</source>
        <translation>令牌保存在系统凭据库中（{store}）。</translation>
    </message>
    <message>
        <source>Run desktop-crm sync --db {db} to fetch its data.</source>
        <translation>运行 desktop-crm sync --db {db} 获取数据。</translation>
    </message>
    <message>
        <source>Synced with {server}: {pulled} rows received, {pushed} sent.</source>
        <translation>已与 {server} 同步：收到 {pulled} 行，发送 {pushed} 行。</translation>
    </message>
    <message>
        <source>{count} changes made here were replaced by newer ones from the head office (kept in its conflict log).</source>
        <translation>本机的 {count} 项更改被总部较新的版本取代（已记入总部的冲突记录）。</translation>
    </message>
    <message>
        <source>{count} changes concern units outside this desktop&apos;s part of the organisation: they stay here and are not sent.</source>
        <translation>{count} 项更改涉及本机管辖范围以外的单位：保留在本机，不发送。</translation>
    </message>
    <message>
        <source>{count} changes were refused by the head office and wait here:</source>
        <translation>{count} 项更改被总部拒绝，仍在本机等待：</translation>
    </message>
    <message>
        <source>routine by level</source>
        <translation>按等级例行回访</translation>
    </message>
    <message>
        <source>absence anomaly</source>
        <translation>未到站异常</translation>
    </message>
    <message>
        <source>volume drop</source>
        <translation>消费量下降</translation>
    </message>
    <message>
        <source>exit survey</source>
        <translation>退出调查</translation>
    </message>
    <message>
        <source>Callback rules for {today}: {created} tasks created, {closed} closed.</source>
        <translation>{today} 回访规则：新建任务 {created} 个，关闭 {closed} 个。</translation>
    </message>
    <message>
        <source>  created, {reason}: {count}</source>
        <translation>  新建，{reason}：{count}</translation>
    </message>
    <message>
        <source>  closed, customer came back: {count}</source>
        <translation>  关闭，客户已到站：{count}</translation>
    </message>
    <message>
        <source>  closed, do not disturb or no consent: {count}</source>
        <translation>  关闭，勿扰或未同意联系：{count}</translation>
    </message>
    <message>
        <source>  last visit and usual interval updated: {count} customers</source>
        <translation>  更新最近到站和消费周期：{count} 位客户</translation>
    </message>
</context>
<context>
    <name>complaints</name>
    <message>
        <source>Cause found</source>
        <translation>原因已查明</translation>
    </message>
    <message>
        <source>Responsibility assigned</source>
        <translation>责任已落实</translation>
    </message>
    <message>
        <source>Corrective action recorded</source>
        <translation>整改措施已记录</translation>
    </message>
    <message>
        <source>Customer called back</source>
        <translation>已回访客户</translation>
    </message>
    <message>
        <source>Satisfaction (1-5) asked</source>
        <translation>已询问满意度（1-5）</translation>
    </message>
    <message>
        <source>Not possible: anonymous complaint without a contact number</source>
        <translation>无法进行：匿名投诉且无联系电话</translation>
    </message>
    <message>
        <source>Not possible: the customer could not be reached</source>
        <translation>无法进行：联系不上客户</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Suggestion box</source>
        <translation>意见箱</translation>
    </message>
    <message>
        <source>400 hotline</source>
        <translation>400热线</translation>
    </message>
    <message>
        <source>On site</source>
        <translation>现场</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>WeChat/QQ</source>
        <translation>微信/QQ</translation>
    </message>
    <message>
        <source>Public monitor</source>
        <translation>社会监督员</translation>
    </message>
    <message>
        <source>Mystery shopper</source>
        <translation>神秘顾客</translation>
    </message>
    <message>
        <source>Service attitude</source>
        <translation>服务态度</translation>
    </message>
    <message>
        <source>Fuel quality</source>
        <translation>油品质量</translation>
    </message>
    <message>
        <source>Metering/quantity</source>
        <translation>计量/数量</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Fuel card</source>
        <translation>加油卡</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>发票</translation>
    </message>
    <message>
        <source>Facilities/environment</source>
        <translation>设施/环境</translation>
    </message>
    <message>
        <source>Safety</source>
        <translation>安全</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Retail</source>
        <translation>零售</translation>
    </message>
    <message>
        <source>Direct/wholesale</source>
        <translation>直分销</translation>
    </message>
    <message>
        <source>Non-fuel</source>
        <translation>非油</translation>
    </message>
    <message>
        <source>Minor</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Serious</source>
        <translation>较大</translation>
    </message>
    <message>
        <source>Major</source>
        <translation>重大</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>特别重大</translation>
    </message>
    <message>
        <source>Insufficient staff training</source>
        <translation>员工培训不足</translation>
    </message>
    <message>
        <source>Procedure not followed</source>
        <translation>操作不规范</translation>
    </message>
    <message>
        <source>Ageing equipment not maintained</source>
        <translation>设备老化未及时维护</translation>
    </message>
    <message>
        <source>Management rules not applied</source>
        <translation>管理制度未落实</translation>
    </message>
    <message>
        <source>Late communication</source>
        <translation>沟通不及时</translation>
    </message>
    <message>
        <source>Too few staff at peak hours</source>
        <translation>高峰期人手不足</translation>
    </message>
    <message>
        <source>System failure</source>
        <translation>系统故障</translation>
    </message>
    <message>
        <source>Other cause</source>
        <translation>其他原因</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Verifying</source>
        <translation>核实</translation>
    </message>
    <message>
        <source>Reviewing</source>
        <translation>审查</translation>
    </message>
    <message>
        <source>Rectifying</source>
        <translation>整改</translation>
    </message>
    <message>
        <source>Calling back</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>归档</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>加油站</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>片区</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Acceptance</source>
        <translation>受理时限</translation>
    </message>
    <message>
        <source>First reply</source>
        <translation>首次答复</translation>
    </message>
    <message>
        <source>Closure</source>
        <translation>办结时限</translation>
    </message>
    <message>
        <source>In time</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>处理环节</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>已升级</translation>
    </message>
    <message>
        <source>Deadline warning</source>
        <translation>时限预警</translation>
    </message>
    <message>
        <source>Deadline passed</source>
        <translation>已超时限</translation>
    </message>
    <message>
        <source>Paused (waiting for the customer)</source>
        <translation>暂停（等待客户）</translation>
    </message>
    <message>
        <source>Resumed</source>
        <translation>恢复计时</translation>
    </message>
    <message>
        <source>First reply to the customer</source>
        <translation>首次答复客户</translation>
    </message>
    <message>
        <source>Closing checklist</source>
        <translation>结案清单</translation>
    </message>
    <message>
        <source>Suggestion adopted / rewarded</source>
        <translation>建议采纳/奖励</translation>
    </message>
    <message>
        <source>Not accepted within the deadline</source>
        <translation>未在时限内受理</translation>
    </message>
    <message>
        <source>No first reply within the deadline</source>
        <translation>未在时限内首次答复</translation>
    </message>
    <message>
        <source>Not closed within the deadline</source>
        <translation>未在时限内办结</translation>
    </message>
    <message>
        <source>Severe complaint: handled by the company</source>
        <translation>重大投诉：由公司直接处理</translation>
    </message>
    <message>
        <source>Accept and verify</source>
        <translation>受理并核实</translation>
    </message>
    <message>
        <source>Submit for review</source>
        <translation>提交审查</translation>
    </message>
    <message>
        <source>Approve rectification</source>
        <translation>同意整改</translation>
    </message>
    <message>
        <source>Call the customer back</source>
        <translation>回访客户</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>归档</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <source>Pause (waiting for the customer)</source>
        <translation>暂停（等待客户）</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>恢复计时</translation>
    </message>
    <message>
        <source>Escalate</source>
        <translation>升级</translation>
    </message>
    <message>
        <source>Record first reply</source>
        <translation>记录首次答复</translation>
    </message>
    <message>
        <source>Record the callback</source>
        <translation>记录回访</translation>
    </message>
    <message>
        <source>Adopted / rewarded</source>
        <translation>采纳/奖励</translation>
    </message>
    <message>
        <source>Send back to verification</source>
        <translation>退回重新核实</translation>
    </message>
    <message>
        <source>Rectify again</source>
        <translation>重新整改</translation>
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
        <translation>已合并到 {name}（档案 {id}）：{reason}</translation>
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
        <translation>{file} 没有一行可以导入，数据未作任何改动。</translation>
    </message>
    <message>
        <source>This database has already been set up. Log in instead.</source>
        <translation>该数据库已完成初始设置，请直接登录。</translation>
    </message>
    <message>
        <source>Auditors may look at customer files but not change them.</source>
        <translation>审计员只能查看客户档案，不能修改。</translation>
    </message>
    <message>
        <source>This customer belongs to a unit outside yours; ask that station or its area to change it.</source>
        <translation>该客户属于您管辖范围以外的单位，请联系该站点或其片区修改。</translation>
    </message>
    <message>
        <source>The customer no longer exists: it may have been merged or deleted. Search for it again.</source>
        <translation>该客户档案已不存在，可能已被合并或删除。请重新查找。</translation>
    </message>
    <message>
        <source>The plate {value} is already on file for another customer, and a plate belongs to one customer. Open that customer, or merge the two files.</source>
        <translation>车牌 {value} 已登记在另一位客户名下，一个车牌只能属于一位客户。请打开该客户，或将两份档案合并。</translation>
    </message>
    <message>
        <source>The fuel card {value} is already on file for another customer, and a card belongs to one customer. Open that customer, or merge the two files.</source>
        <translation>加油卡 {value} 已登记在另一位客户名下，一张卡只能属于一位客户。请打开该客户，或将两份档案合并。</translation>
    </message>
    <message>
        <source>Choose the station the customer belongs to.</source>
        <translation>请选择客户所属站点。</translation>
    </message>
    <message>
        <source>{name} cannot look after customers of {station}: choose someone from that station, its area or the company.</source>
        <translation>{name} 不能维护 {station} 的客户：请选择该站点、所属片区或公司的人员。</translation>
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
        <translation>介绍人档案不存在（或已删除），请另选。</translation>
    </message>
    <message>
        <source>Give a reason for the change of level.</source>
        <translation>请填写调整等级的原因。</translation>
    </message>
    <message>
        <source>Give numbers of customers from {low} to {high}.</source>
        <translation>客户数请填写{low}到{high}之间的数。</translation>
    </message>
    <message>
        <source>The ceiling ({max}) cannot be below the minimum ({min}).</source>
        <translation>上限（{max}）不能低于下限（{min}）。</translation>
    </message>
    <message>
        <source>You can hand over only the customers of employees of your own unit.</source>
        <translation>只能移交本单位员工的客户。</translation>
    </message>
    <message>
        <source>Choose at least one colleague to receive the customers.</source>
        <translation>请至少选择一位接收客户的同事。</translation>
    </message>
    <message>
        <source>Choose colleagues other than the employee who hands over.</source>
        <translation>接收人不能是移交客户的员工本人。</translation>
    </message>
    <message>
        <source>{name} cannot receive these customers: choose active colleagues of {unit}.</source>
        <translation>{name}不能接收这些客户：请选择{unit}在职的同事。</translation>
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
        <translation>首选联系方式为电子邮件，请同时填写邮箱地址。</translation>
    </message>
    <message>
        <source>Only the author of a weekly report can change or submit it.</source>
        <translation>只有周报的填报人才能修改或提交周报。</translation>
    </message>
    <message>
        <source>This report has already been submitted; you can change it again only if your station master returns it to you.</source>
        <translation>此周报已提交；只有站长退回后才能再修改。</translation>
    </message>
    <message>
        <source>Only a station master of {station} can review this weekly report.</source>
        <translation>只有{station}的站长才能审阅此周报。</translation>
    </message>
    <message>
        <source>This report has already been passed to the area; the guidance can no longer be changed.</source>
        <translation>此周报已上报片区，指导意见不能再修改。</translation>
    </message>
    <message>
        <source>This report has not been submitted (or was returned to its author); wait until the author submits it.</source>
        <translation>此周报尚未提交（或已退回填报人），请等填报人提交后再审阅。</translation>
    </message>
    <message>
        <source>Too long: at most {max} characters.</source>
        <translation>内容过长：最多 {max} 个字符。</translation>
    </message>
    <message>
        <source>This weekly report does not exist or lies outside your unit; reload the list.</source>
        <translation>此周报不存在或不属于您的单位，请刷新列表。</translation>
    </message>
    <message>
        <source>Weekly callback reports are written by station staff; station masters review them and the area reads them.</source>
        <translation>回访周报由站点员工填写，站长审阅，片区阅读。</translation>
    </message>
    <message>
        <source>The week {week} has not started yet: choose this week or an earlier one.</source>
        <translation>{week}还没有开始，请选择本周或更早的周次。</translation>
    </message>
    <message>
        <source>Write a short summary of your week (what customers said, what you will do) before submitting.</source>
        <translation>提交前请写一段本周小结（客户反映了什么、您打算怎么做）。</translation>
    </message>
    <message>
        <source>Write your guidance (指导意见) for the author first.</source>
        <translation>请先为填报人写下指导意见。</translation>
    </message>
    <message>
        <source>Say why the report goes back to its author (what to add or correct).</source>
        <translation>请写明退回原因（需要补充或更正什么）。</translation>
    </message>
    <message>
        <source>This report has already been passed to the area.</source>
        <translation>此周报已上报片区。</translation>
    </message>
    <message>
        <source>Review the report (write your guidance) before passing it to the area.</source>
        <translation>请先审阅周报（写下指导意见）再上报片区。</translation>
    </message>
    <message>
        <source>Only an area manager above the station can acknowledge this report.</source>
        <translation>只有该站所属片区的片区经理才能阅读确认此周报。</translation>
    </message>
    <message>
        <source>This report has already been acknowledged.</source>
        <translation>此周报片区已阅。</translation>
    </message>
    <message>
        <source>The station master has not passed this report to the area yet.</source>
        <translation>站长尚未将此周报上报片区。</translation>
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
        <translation>请输入手机号码（以 13 至 19 开头的 11 位数字）或带区号的固定电话，例如 0311-86901234。</translation>
    </message>
    <message>
        <source>Enter an e-mail address like name@example.com.</source>
        <translation>请输入有效的邮箱地址，例如 name@example.com。</translation>
    </message>
    <message>
        <source>An identity card number has 18 characters: 17 digits, then a digit or X.</source>
        <translation>身份证号码为 18 位：17 位数字，最后一位为数字或 X。</translation>
    </message>
    <message>
        <source>The birth date in this identity card number (characters 7 to 14) is not a possible date of birth.</source>
        <translation>该身份证号码中的出生日期（第 7 至 14 位）不是有效的出生日期。</translation>
    </message>
    <message>
        <source>The last character of this identity card number does not match the others: check the number.</source>
        <translation>身份证号码最后一位校验码与前 17 位不符，请核对号码。</translation>
    </message>
    <message>
        <source>A unified social credit code has 18 digits and capital letters (never I, O, S, V or Z).</source>
        <translation>统一社会信用代码为 18 位数字和大写字母（不含 I、O、S、V、Z）。</translation>
    </message>
    <message>
        <source>The last character of this unified social credit code does not match the others: check the code.</source>
        <translation>统一社会信用代码最后一位校验码与前 17 位不符，请核对代码。</translation>
    </message>
    <message>
        <source>Enter the birthday as a date, e.g. 1985-06-30.</source>
        <translation>请按日期格式填写生日，例如 1985-06-30。</translation>
    </message>
    <message>
        <source>The birthday must lie between 1900 and today.</source>
        <translation>生日须在 1900 年至今天之间。</translation>
    </message>
    <message>
        <source>The birthday differs from the date in the identity card number ({date}).</source>
        <translation>生日与身份证号码中的出生日期（{date}）不一致。</translation>
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
        <translation>{plate} 不是有效的车牌：应为省份简称、一个字母和 5 位字符（新能源车为 6 位），例如 京A12345。</translation>
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
        <translation>请以元为单位填写信用额度：不小于 0，最多两位小数。</translation>
    </message>
    <message>
        <source>Choose individual or organisation.</source>
        <translation>请选择个人客户或单位客户。</translation>
    </message>
    <message>
        <source>Enter a name, or at least a plate: a first-visit record needs only the plate.</source>
        <translation>请填写姓名，或至少填写车牌：首次建档只需登记车牌。</translation>
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
        <translation>列对应中的字段 {field} 不存在。可用字段：{known}。</translation>
    </message>
    <message>
        <source>The column mapping {part} has no =: write it as 源列=字段, e.g. 联系人手机=phone.</source>
        <translation>列对应 {part} 缺少 =：请写成 源列=字段，例如 联系人手机=phone。</translation>
    </message>
    <message>
        <source>The file has no row {row}.</source>
        <translation>文件没有第 {row} 行。</translation>
    </message>
    <message>
        <source>No header row found in the first {rows} rows: name the columns (e.g. 姓名, 手机, 车牌) or map them yourself.</source>
        <translation>前 {rows} 行中没有找到表头：请给各列加上列名（如 姓名、手机、车牌），或手工指定列对应。</translation>
    </message>
    <message>
        <source>The column {column} of the mapping is not in the file&apos;s header row.</source>
        <translation>列对应中的列 {column} 不在文件的表头中。</translation>
    </message>
    <message>
        <source>The file has no station column: choose the station the customers belong to.</source>
        <translation>文件中没有站点列：请选择这些客户所属的站点。</translation>
    </message>
    <message>
        <source>No column of the file holds {fields}: name such a column or map one.</source>
        <translation>文件中没有 {fields} 列：请添加该列或指定列对应。</translation>
    </message>
    <message>
        <source>The file has no data rows below its header row (row {row}).</source>
        <translation>表头（第 {row} 行）下面没有数据行。</translation>
    </message>
    <message>
        <source>The first rows of the file are empty.</source>
        <translation>文件开头几行都是空的。</translation>
    </message>
    <message>
        <source>Cannot read {path}: {reason}.</source>
        <translation>无法读取 {path}：{reason}。</translation>
    </message>
    <message>
        <source>{path} is empty: there is nothing to import.</source>
        <translation>{path} 是空文件，没有可导入的内容。</translation>
    </message>
    <message>
        <source>{path} is an old Excel 97-2003 workbook (.xls). Open it in Excel or WPS, save it as .xlsx or CSV and import that file.</source>
        <translation>{path} 是旧版 Excel 97-2003 文件（.xls）。请用 Excel 或 WPS 打开，另存为 .xlsx 或 CSV 后再导入。</translation>
    </message>
    <message>
        <source>{path} is not an Excel .xlsx workbook, or it is damaged. Open it in Excel or WPS and save it again as .xlsx or CSV.</source>
        <translation>{path} 不是 Excel .xlsx 文件，或文件已损坏。请用 Excel 或 WPS 打开后重新另存为 .xlsx 或 CSV。</translation>
    </message>
    <message>
        <source>{path} is not a CSV text file. Choose a .csv or .xlsx file exported from Excel, WPS or the card system.</source>
        <translation>{path} 不是 CSV 文本文件。请选择由 Excel、WPS 或加油卡系统导出的 .csv 或 .xlsx 文件。</translation>
    </message>
    <message>
        <source>{path} is not a readable CSV file ({reason}).</source>
        <translation>{path} 不是可读取的 CSV 文件（{reason}）。</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was imported.</source>
        <translation>导入已取消，没有导入任何数据。</translation>
    </message>
    <message>
        <source>Cannot write the error report {path}: {reason}.</source>
        <translation>无法写入错误报告 {path}：{reason}。</translation>
    </message>
    <message>
        <source>Your role may read the customer file but not import.</source>
        <translation>您的角色只能查看客户档案，不能导入。</translation>
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
        <translation>请导出为 .xlsx 或 .csv 文件，而不是 {name}。</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}. Close it in Excel or choose another file.</source>
        <translation>无法写入 {path}：{reason}。请在 Excel 中关闭该文件或另选文件。</translation>
    </message>
    <message>
        <source>--now takes a local time as &quot;YYYY-MM-DD HH:MM&quot;, not {value}.</source>
        <translation>--now 需要本地时间，格式为 &quot;YYYY-MM-DD HH:MM&quot;，而不是 {value}。</translation>
    </message>
    <message>
        <source>Give the period with --period (YYYY-MM-DD, YYYY-Www or YYYY-MM).</source>
        <translation>请用 --period 指定期间（YYYY-MM-DD、YYYY-Www 或 YYYY-MM）。</translation>
    </message>
    <message>
        <source>Give the customer with --customer (ID, phone or plate).</source>
        <translation>请用 --customer 指定客户（编号、手机号或车牌）。</translation>
    </message>
    <message>
        <source>There is no database at {path}.</source>
        <translation>{path} 处没有数据库。</translation>
    </message>
    <message>
        <source>Choose the customer whose file to print.</source>
        <translation>请选择要打印档案的客户。</translation>
    </message>
    <message>
        <source>There is no report {kind}.</source>
        <translation>没有 {kind} 这种报表。</translation>
    </message>
    <message>
        <source>Choose the unit and the period.</source>
        <translation>请选择机构和期间。</translation>
    </message>
    <message>
        <source>Save the report as a .pdf or .xlsx file, not {name}.</source>
        <translation>报表只能保存为 .pdf 或 .xlsx 文件，不能保存为 {name}。</translation>
    </message>
    <message>
        <source>No customer matches {value}.</source>
        <translation>没有与 {value} 匹配的客户。</translation>
    </message>
    <message>
        <source>Several customers match {value}: give the ID, phone or fuel card.</source>
        <translation>有多个客户与 {value} 匹配：请给出客户编号、手机号或加油卡号。</translation>
    </message>
    <message>
        <source>The database has no organisation yet: run the first-run set-up.</source>
        <translation>数据库中还没有组织机构：请先完成首次设置。</translation>
    </message>
    <message>
        <source>There is no org unit {code}.</source>
        <translation>没有代码为 {code} 的机构。</translation>
    </message>
    <message>
        <source>{unit} is outside your organisation.</source>
        <translation>{unit} 不在您的组织范围内。</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}. Close the file if another program has it open, or choose another one.</source>
        <translation>无法写入 {path}：{reason}。如果其他程序正打开该文件，请先关闭，或另选一个文件。</translation>
    </message>
    <message>
        <source>{value} is not a period: give a day as YYYY-MM-DD, a week as YYYY-Www or a month as YYYY-MM.</source>
        <translation>{value} 不是有效的期间：日期写作 YYYY-MM-DD，周写作 YYYY-Www，月份写作 YYYY-MM。</translation>
    </message>
    <message>
        <source>Only station masters and managers can see their team&apos;s callbacks.</source>
        <translation>只有站长和管理人员可以查看团队的回访。</translation>
    </message>
    <message>
        <source>The callback no longer exists: refresh the queue and try again.</source>
        <translation>该回访已不存在：请刷新回访队列后重试。</translation>
    </message>
    <message>
        <source>This callback belongs to a colleague: only its assignee or their station master or manager can record it.</source>
        <translation>这条回访属于其他同事：只有负责人或其站长、管理人员可以记录。</translation>
    </message>
    <message>
        <source>This callback is already closed; refresh the queue to see what is still open.</source>
        <translation>这条回访已经结束；请刷新回访队列查看未完成的回访。</translation>
    </message>
    <message>
        <source>Choose how the customer was contacted.</source>
        <translation>请选择联系客户的方式。</translation>
    </message>
    <message>
        <source>Satisfaction is a score from 1 to 5.</source>
        <translation>满意度为 1 到 5 分。</translation>
    </message>
    <message>
        <source>Choose an exit reason from the list.</source>
        <translation>请从列表中选择流失原因。</translation>
    </message>
    <message>
        <source>This is an anomaly callback: write down the cause the customer gave (or that they gave none).</source>
        <translation>这是异常回访：请记录客户说明的原因（客户未说明也请注明）。</translation>
    </message>
    <message>
        <source>This is an exit survey: choose why the customer left.</source>
        <translation>这是退出调查：请选择客户流失的原因。</translation>
    </message>
    <message>
        <source>The next try cannot be in the past.</source>
        <translation>下次联系日期不能早于今天。</translation>
    </message>
    <message>
        <source>The booked time has passed: choose a later time.</source>
        <translation>预约时间已过：请选择更晚的时间。</translation>
    </message>
    <message>
        <source>Choose today or a later day.</source>
        <translation>请选择今天或以后的日期。</translation>
    </message>
    <message>
        <source>Give the week as YYYY-Www, e.g. 2026-W24.</source>
        <translation>请按YYYY-Www格式填写周次，例如2026-W24。</translation>
    </message>
    <message>
        <source>There is no week {week} in the calendar.</source>
        <translation>日历中没有{week}这一周。</translation>
    </message>
    <message>
        <source>The complaint is already paused.</source>
        <translation>该投诉已经暂停。</translation>
    </message>
    <message>
        <source>Say what you are waiting for from the customer.</source>
        <translation>请说明在等待客户提供什么。</translation>
    </message>
    <message>
        <source>The complaint is not paused.</source>
        <translation>该投诉没有暂停。</translation>
    </message>
    <message>
        <source>Write what the customer was told.</source>
        <translation>请记录答复客户的内容。</translation>
    </message>
    <message>
        <source>Choose at most five root causes.</source>
        <translation>根本原因最多选择五项。</translation>
    </message>
    <message>
        <source>Each root cause may be chosen once.</source>
        <translation>每个根本原因只能选择一次。</translation>
    </message>
    <message>
        <source>{cause} is not in the list of root causes; choose one of the list.</source>
        <translation>{cause} 不在根本原因列表中，请从列表中选择。</translation>
    </message>
    <message>
        <source>The complaint no longer exists. Refresh the list.</source>
        <translation>该投诉已不存在，请刷新列表。</translation>
    </message>
    <message>
        <source>The complaint is archived; reopen it to work on it.</source>
        <translation>该投诉已归档；如需继续处理，请重新打开。</translation>
    </message>
    <message>
        <source>The complaint is paused while waiting for the customer; resume it first.</source>
        <translation>该投诉正在暂停等待客户；请先恢复计时。</translation>
    </message>
    <message>
        <source>This complaint belongs to a unit outside yours; you cannot open it.</source>
        <translation>这条投诉属于您单位以外的单位，您无权查看。</translation>
    </message>
    <message>
        <source>Give the reason for the escalation.</source>
        <translation>请填写升级原因。</translation>
    </message>
    <message>
        <source>The company handles this complaint already; there is no level above.</source>
        <translation>该投诉已由公司处理，没有更高的层级。</translation>
    </message>
    <message>
        <source>Choose the station concerned.</source>
        <translation>请选择涉及的站点。</translation>
    </message>
    <message>
        <source>{station} is outside your unit; its own people take its complaints.</source>
        <translation>{station} 不在您的单位范围内；其投诉由该站人员受理。</translation>
    </message>
    <message>
        <source>Auditors may look at complaints but not change them.</source>
        <translation>审计人员可以查看投诉，但不能修改。</translation>
    </message>
    <message>
        <source>Choose complaint or suggestion.</source>
        <translation>请选择投诉或建议。</translation>
    </message>
    <message>
        <source>Choose where the complaint came from.</source>
        <translation>请选择投诉来源。</translation>
    </message>
    <message>
        <source>Choose a category of the list.</source>
        <translation>请从列表中选择类别。</translation>
    </message>
    <message>
        <source>Choose the business line.</source>
        <translation>请选择业务条线。</translation>
    </message>
    <message>
        <source>Choose the severity.</source>
        <translation>请选择严重程度。</translation>
    </message>
    <message>
        <source>Describe what happened, in the customer&apos;s words.</source>
        <translation>请用客户的原话描述发生了什么。</translation>
    </message>
    <message>
        <source>{phone} is not a phone number: enter a mobile (11 digits) or a landline with its area code, or leave it empty.</source>
        <translation>{phone} 不是有效的电话号码：请输入手机号（11 位）或带区号的固定电话，或留空。</translation>
    </message>
    <message>
        <source>The callback this complaint came from no longer exists.</source>
        <translation>该投诉来源的回访任务已不存在。</translation>
    </message>
    <message>
        <source>Only a suggestion can be adopted or rewarded.</source>
        <translation>只有建议才能被采纳或奖励。</translation>
    </message>
    <message>
        <source>Only an adopted suggestion can be rewarded.</source>
        <translation>只有已采纳的建议才能奖励。</translation>
    </message>
    <message>
        <source>This complaint is handled by another unit ({unit}); only its people or a unit above can act on it.</source>
        <translation>该投诉由其他单位（{unit}）处理；只有该单位或其上级单位的人员可以操作。</translation>
    </message>
    <message>
        <source>This decision needs a station master, an area manager or a company administrator.</source>
        <translation>此决定需要站长、片区经理或公司管理员作出。</translation>
    </message>
    <message>
        <source>Choose the severity the policy applies to.</source>
        <translation>请选择规则适用的严重程度。</translation>
    </message>
    <message>
        <source>The time to accept must be between {low} and {high} minutes.</source>
        <translation>受理时限须在 {low} 至 {high} 分钟之间。</translation>
    </message>
    <message>
        <source>The time to the first reply must be between {low} and {high} hours.</source>
        <translation>首次答复时限须在 {low} 至 {high} 小时之间。</translation>
    </message>
    <message>
        <source>The time to close must be between {low} and {high} working days.</source>
        <translation>结案时限须在 {low} 至 {high} 个工作日之间。</translation>
    </message>
    <message>
        <source>The first reply cannot be due before the complaint must be accepted.</source>
        <translation>首次答复时限不能早于受理时限。</translation>
    </message>
    <message>
        <source>There is already a policy for this category and severity: change that one.</source>
        <translation>该类别和严重程度已有规则，请修改原规则。</translation>
    </message>
    <message>
        <source>Give the day a name, e.g. 春节 or 春节调休上班.</source>
        <translation>请填写名称，例如“春节”或“春节调休上班”。</translation>
    </message>
    <message>
        <source>{date} is a weekday and a working day anyway: a make-up working day (调休) is a Saturday or Sunday worked instead of a holiday.</source>
        <translation>{date} 是工作日，本来就要上班：调休上班日是为放假而补班的周六或周日。</translation>
    </message>
    <message>
        <source>“{item}” is too long: at most {n} characters.</source>
        <translation>“{item}”太长：最多 {n} 个字。</translation>
    </message>
    <message>
        <source>The list needs at least one entry.</source>
        <translation>列表至少要有一项。</translation>
    </message>
    <message>
        <source>A new complaint is first accepted and verified; it cannot skip that step.</source>
        <translation>新投诉须先受理并核实，不能跳过这一步。</translation>
    </message>
    <message>
        <source>A complaint being verified goes to review next; it cannot skip the review.</source>
        <translation>核实中的投诉下一步是审查，不能跳过审查。</translation>
    </message>
    <message>
        <source>After the review a complaint goes to rectification, or back to verification.</source>
        <translation>审查之后，投诉进入整改，或退回重新核实。</translation>
    </message>
    <message>
        <source>After rectification the customer is called back before archiving.</source>
        <translation>整改之后须先回访客户，才能归档。</translation>
    </message>
    <message>
        <source>After the callback a complaint is archived, or rectified again.</source>
        <translation>回访之后，投诉归档，或重新整改。</translation>
    </message>
    <message>
        <source>The complaint is archived; reopen it with a reason to work on it.</source>
        <translation>该投诉已归档；如需继续处理，请填写原因后重新打开。</translation>
    </message>
    <message>
        <source>After the review a suggestion is put into practice, archived, or verified again.</source>
        <translation>审查之后，建议可落实、归档或重新核实。</translation>
    </message>
    <message>
        <source>Once put into practice a suggestion is archived or its author called back.</source>
        <translation>建议落实后，可归档或回访建议人。</translation>
    </message>
    <message>
        <source>{name} cannot be made responsible: choose someone of the station, its area or the company.</source>
        <translation>不能指定 {name} 为责任人：请选择本站、所属片区或公司的人员。</translation>
    </message>
    <message>
        <source>Say why the complaint goes back a step.</source>
        <translation>请说明退回上一步的原因。</translation>
    </message>
    <message>
        <source>The complaint cannot be archived yet: {count} items of the closing checklist are not done (cause, responsibility, corrective action, callback, satisfaction).</source>
        <translation>该投诉还不能归档：结案清单还有 {count} 项未完成（原因、责任、整改措施、回访、满意度）。</translation>
    </message>
    <message>
        <source>Only an archived complaint can be reopened.</source>
        <translation>只有已归档的投诉才能重新打开。</translation>
    </message>
    <message>
        <source>Give the reason for reopening the complaint.</source>
        <translation>请填写重新打开投诉的原因。</translation>
    </message>
    <message>
        <source>The callback is recorded at the callback step.</source>
        <translation>回访在回访环节记录。</translation>
    </message>
    <message>
        <source>Record this callback in the callback queue, where its task is.</source>
        <translation>请在回访队列中该任务处记录这次回访。</translation>
    </message>
    <message>
        <source>Write what the customer said.</source>
        <translation>请记录客户的反馈。</translation>
    </message>
    <message>
        <source>This desktop is not enrolled with a head office. Enrol it first with an enrolment code from the company administrator.</source>
        <translation>这台电脑尚未在总部注册。请先用公司管理员提供的注册码注册。</translation>
    </message>
    <message>
        <source>This desktop&apos;s token is missing from {store}. Enrol the desktop again with a new code.</source>
        <translation>在{store}中找不到这台电脑的令牌。请用新的注册码重新注册这台电脑。</translation>
    </message>
    <message>
        <source>The head office at {server} cannot be reached (no network, or the server is not running). Your work is kept on this desktop and sent with the next sync.</source>
        <translation>无法连接总部 {server}（没有网络，或服务器没有运行）。您的工作保存在本机，下次同步时发送。</translation>
    </message>
    <message>
        <source>The head office at {server} did not answer in time. Your work is kept on this desktop and sent with the next sync.</source>
        <translation>总部 {server} 没有及时应答。您的工作保存在本机，下次同步时发送。</translation>
    </message>
    <message>
        <source>The head office at {server} failed to answer (HTTP {status}). Your work is kept on this desktop; try again later.</source>
        <translation>总部 {server} 应答失败（HTTP {status}）。您的工作保存在本机，请稍后再试。</translation>
    </message>
    <message>
        <source>The head office no longer accepts this desktop ({reason}). Enrol it again with a new code from the company administrator.</source>
        <translation>总部不再接受这台电脑（{reason}）。请向公司管理员索取新的注册码，重新注册。</translation>
    </message>
    <message>
        <source>The enrolment code was refused: it is unknown, already used or expired. Ask the company administrator for a new one.</source>
        <translation>注册码被拒绝：它不存在、已被使用或已过期。请向公司管理员索取新的注册码。</translation>
    </message>
    <message>
        <source>The head office refused changes outside this desktop&apos;s part of the organisation: {reason}</source>
        <translation>总部拒绝了本机管辖范围以外的更改：{reason}</translation>
    </message>
    <message>
        <source>The head office holds older data than this desktop: {reason}</source>
        <translation>总部的数据比这台电脑的旧：{reason}</translation>
    </message>
    <message>
        <source>The head office refused the sync: {reason}</source>
        <translation>总部拒绝了同步：{reason}</translation>
    </message>
    <message>
        <source>A change from the head office could not be applied on this desktop ({reason}). Tell the company administrator.</source>
        <translation>来自总部的一项更改无法在本机应用（{reason}）。请告知公司管理员。</translation>
    </message>
    <message>
        <source>This desktop&apos;s database stayed busy with other work, so the sync stopped; nothing is lost. It tries again with the next sync.</source>
        <translation>本机数据库一直忙于其他工作，同步已停止；没有丢失任何数据。下次同步时会再试。</translation>
    </message>
    <message>
        <source>The certificate file {path} named by DESKTOP_CRM_CA_BUNDLE cannot be read. Correct the setting or ask the IT staff.</source>
        <translation>无法读取 DESKTOP_CRM_CA_BUNDLE 指定的证书文件 {path}。请更正该设置，或询问信息技术人员。</translation>
    </message>
    <message>
        <source>The certificate of the head office at {server} is not trusted, so nothing was sent. Check the address; if the company uses its own certificate authority, ask the IT staff to set DESKTOP_CRM_CA_BUNDLE.</source>
        <translation>总部 {server} 的证书不受信任，因此未发送任何数据。请核对地址；如果公司使用自己的证书颁发机构，请让 IT 人员设置 DESKTOP_CRM_CA_BUNDLE。</translation>
    </message>
    <message>
        <source>{server} is not a head-office address: give one like https://crm.example.com.</source>
        <translation>{server} 不是总部地址：请填写类似 https://crm.example.com 的地址。</translation>
    </message>
    <message>
        <source>The cut-offs must fall from A to C, e.g. 91, 81 and 65.</source>
        <translation>分界线须从 A 到 C 依次降低，例如 91、81 和 65。</translation>
    </message>
    <message>
        <source>Give at least one grading factor a weight.</source>
        <translation>请至少给一个评级因素设置权重。</translation>
    </message>
    <message>
        <source>ABC class A must end below where class B ends.</source>
        <translation>ABC 分类中 A 类的截止比例须低于 B 类。</translation>
    </message>
    <message>
        <source>Only station masters and managers can start a callback campaign.</source>
        <translation>只有站长和管理人员才能发起特定回访活动。</translation>
    </message>
    <message>
        <source>A campaign can only call customers of your own organisation; choose stations inside it.</source>
        <translation>特定回访只能针对本单位的客户，请选择本单位内的站点。</translation>
    </message>
    <message>
        <source>The last visit cannot be both on or after {after} and before {before}.</source>
        <translation>最近到站时间不能同时不早于 {after} 且早于 {before}。</translation>
    </message>
    <message>
        <source>Give the campaign a name.</source>
        <translation>请填写活动名称。</translation>
    </message>
    <message>
        <source>The name is too long (at most {max} characters).</source>
        <translation>名称太长（最多 {max} 个字）。</translation>
    </message>
    <message>
        <source>Choose the event or describe your own.</source>
        <translation>请选择事件或自行填写。</translation>
    </message>
    <message>
        <source>The event is too long (at most {max} characters).</source>
        <translation>事件太长（最多 {max} 个字）。</translation>
    </message>
    <message>
        <source>The due date {date} has passed; choose today or later.</source>
        <translation>期限 {date} 已过，请选择今天或以后的日期。</translation>
    </message>
    <message>
        <source>No customer who may be contacted matches the segment; nothing was created. Widen the segment.</source>
        <translation>没有可联系的客户符合条件，未生成任何任务。请放宽条件。</translation>
    </message>
    <message>
        <source>Enter a number.</source>
        <translation>请输入数字。</translation>
    </message>
    <message>
        <source>{value} is out of range: {low} to {high}.</source>
        <translation>{value} 超出范围：应在 {low} 到 {high} 之间。</translation>
    </message>
    <message>
        <source>Rule {n}: give the rule a name.</source>
        <translation>规则 {n}：请填写规则名称。</translation>
    </message>
    <message>
        <source>Rule {n}: tick at least one level.</source>
        <translation>规则 {n}：请至少勾选一个等级。</translation>
    </message>
    <message>
        <source>Rule {n} is incomplete: check its owner and period.</source>
        <translation>规则 {n} 不完整：请检查负责人和回访频率。</translation>
    </message>
    <message>
        <source>Each exit reason needs a code and a label.</source>
        <translation>每个流失原因都需要代码和名称。</translation>
    </message>
    <message>
        <source>The code {code} is used twice or too long (at most 32).</source>
        <translation>代码 {code} 重复或太长（最多 32 个字符）。</translation>
    </message>
    <message>
        <source>Keep at least one exit reason.</source>
        <translation>请至少保留一个流失原因。</translation>
    </message>
    <message>
        <source>The event {event} is too long (at most 32).</source>
        <translation>事件 {event} 太长（最多 32 个字）。</translation>
    </message>
    <message>
        <source>The text “{entry}” uses a field it cannot have ({problem}); it may use: {fields}.</source>
        <translation>文字“{entry}”使用了不能用的名称（{problem}）；可以使用：{fields}。</translation>
    </message>
    <message>
        <source>Choose a time between 12:00 and 23:59.</source>
        <translation>请选择 12:00 到 23:59 之间的时间。</translation>
    </message>
    <message>
        <source>This enrolment code is for {unit_code} {name}, but this desktop&apos;s organisation has no unit with the code {unit_code}. Ask the company administrator for a code of your own station (the code was not used).</source>
        <translation>该注册码对应 {unit_code} {name}，但本机的组织中没有代码为 {unit_code} 的单位。请向公司管理员索取本站的注册码（该注册码未被使用）。</translation>
    </message>
    <message>
        <source>This desktop holds data of units outside {unit_code} ({units}), which a desktop of {unit_code} cannot send. Ask the company administrator for a code of a unit above them (the code was not used).</source>
        <translation>本机保存有 {unit_code} 以外单位（{units}）的数据，{unit_code} 的电脑无法发送这些数据。请向公司管理员索取其上级单位的注册码（该注册码未被使用）。</translation>
    </message>
    <message>
        <source>Some user names here were already used elsewhere in the company, so these users log in with new names from now on: {renamed}.</source>
        <translation>本机有些用户名已被公司其他单位使用，这些用户今后请用新用户名登录：{renamed}。</translation>
    </message>
    <message>
        <source>Joining the head office was stopped because the data would no longer fit together ({reason}); nothing was changed. Tell the company administrator.</source>
        <translation>加入总部已停止，因为数据将无法保持一致（{reason}）；没有做任何更改。请告知公司管理员。</translation>
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
        <translation>该客户属于 {station}，不在您的管辖范围内，未作改动。</translation>
    </message>
    <message>
        <source>{key} belongs to the customer {customer}, but the row names {name}. Correct the file or the customer&apos;s file.</source>
        <translation>{key} 属于客户 {customer}，但该行写的是 {name}。请更正文件或客户档案。</translation>
    </message>
    <message>
        <source>The customer this row matches ({customer}) already has another ID number. Correct the file or the customer&apos;s file.</source>
        <translation>该行对应的客户（{customer}）已登记了另一个证件号码。请更正文件或客户档案。</translation>
    </message>
    <message>
        <source>The fuel card {key} belongs to another customer ({customer}). Correct the file, or merge the two customers first.</source>
        <translation>加油卡 {key} 属于另一个客户（{customer}）。请更正文件，或先合并这两个客户。</translation>
    </message>
    <message>
        <source>The plate {key} belongs to another customer ({customer}). Correct the file, or merge the two customers first.</source>
        <translation>车牌 {key} 属于另一个客户（{customer}）。请更正文件，或先合并这两个客户。</translation>
    </message>
    <message>
        <source>The ID number {key} belongs to another customer ({customer}). Correct the file, or merge the two customers first.</source>
        <translation>证件号码 {key} 属于另一个客户（{customer}）。请更正文件，或先合并这两个客户。</translation>
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
        <translation>{value} 是负数：退款和冲正不作为到站记录导入。</translation>
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
        <translation>该记录将归属 {station}，不在您的管辖范围内：请添加站点列或选择您的站点。</translation>
    </message>
    <message>
        <source>The phone {phone} belongs to {count} customers: add the card number or plate to the row.</source>
        <translation>电话 {phone} 对应 {count} 个客户：请在该行填上卡号或车牌。</translation>
    </message>
    <message>
        <source>No customer has the card, plate or phone {key}: import or create the customer first.</source>
        <translation>没有卡号、车牌或电话为 {key} 的客户：请先导入或新建该客户。</translation>
    </message>
    <message>
        <source>There is no station {station}: write its code or name.</source>
        <translation>没有站点 {station}：请填写站点代码或名称。</translation>
    </message>
    <message>
        <source>The station {station} is outside your organisation.</source>
        <translation>站点 {station} 不在您的管辖范围内。</translation>
    </message>
    <message>
        <source>{user} is not one user of your organisation: write the maintainer&apos;s login or badge number.</source>
        <translation>{user} 不能唯一对应您单位的一个用户：请填写维护人的登录名或工牌号。</translation>
    </message>
    <message>
        <source>The text {value} is longer than {limit} characters.</source>
        <translation>文字 {value} 超过 {limit} 个字符。</translation>
    </message>
    <message>
        <source>The number {value} was stored by Excel as a number and has lost its last digits. Format the column as text, type the number again and import again.</source>
        <translation>号码 {value} 被 Excel 存成了数值，末几位已丢失。请把该列设为文本格式，重新输入号码后再导入。</translation>
    </message>
    <message>
        <source>{value} is not a mobile number (11 digits) or a landline with its area code.</source>
        <translation>{value} 不是手机号（11位）或带区号的固定电话。</translation>
    </message>
    <message>
        <source>{value} is not a licence plate (e.g. 京A12345).</source>
        <translation>{value} 不是有效车牌（如 京A12345）。</translation>
    </message>
    <message>
        <source>{value} is not a card number (6 to 32 digits or letters).</source>
        <translation>{value} 不是有效卡号（6到32位数字或字母）。</translation>
    </message>
    <message>
        <source>The ID number {value} is not valid: check its length, birth date and last character.</source>
        <translation>证件号码 {value} 无效：请核对位数、出生日期和最后一位校验码。</translation>
    </message>
    <message>
        <source>The unified social credit code {value} is not valid: check its 18 characters and the last one.</source>
        <translation>统一社会信用代码 {value} 无效：请核对18位字符和最后一位校验码。</translation>
    </message>
    <message>
        <source>{value} is not an e-mail address.</source>
        <translation>{value} 不是有效的电子邮箱。</translation>
    </message>
    <message>
        <source>Unknown customer type {value}: write 单位 or 个人.</source>
        <translation>未知的客户类型 {value}：请填写 单位 或 个人。</translation>
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
        <translation>{value} 不是日期（请写成 2025-01-02）。</translation>
    </message>
    <message>
        <source>{value} is not a time of day (write it as 08:30).</source>
        <translation>{value} 不是时间（请写成 08:30）。</translation>
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
        <translation>客户类型（单位/个人）</translation>
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
        <translation>站点（代码或名称）</translation>
    </message>
    <message>
        <source>Maintainer (login, badge or name)</source>
        <translation>维护人（登录名、工牌号或姓名）</translation>
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
        <translation>日期（时间）</translation>
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
        <translation>金额（元）</translation>
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
    <name>reports</name>
    <message>
        <source>Daily report</source>
        <translation>日报表</translation>
    </message>
    <message>
        <source>Weekly callback report</source>
        <translation>回访报告</translation>
    </message>
    <message>
        <source>Monthly analysis</source>
        <translation>月度分析</translation>
    </message>
    <message>
        <source>Complaint register</source>
        <translation>投诉台账</translation>
    </message>
    <message>
        <source>Customer file</source>
        <translation>客户档案</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待回访</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>已预约</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>无法联系</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Routine</source>
        <translation>例行回访</translation>
    </message>
    <message>
        <source>Absence</source>
        <translation>异常未到站</translation>
    </message>
    <message>
        <source>Volume drop</source>
        <translation>消费量下降</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>特定回访</translation>
    </message>
    <message>
        <source>Exit survey</source>
        <translation>退出调查</translation>
    </message>
    <message>
        <source>Complaint follow-up</source>
        <translation>投诉回访</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>手工任务</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Verifying</source>
        <translation>核实</translation>
    </message>
    <message>
        <source>Reviewing</source>
        <translation>审查</translation>
    </message>
    <message>
        <source>Rectifying</source>
        <translation>整改</translation>
    </message>
    <message>
        <source>Calling back</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>归档</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>片区</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>已批阅</translation>
    </message>
    <message>
        <source>Forwarded</source>
        <translation>已上报片区</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>片区已阅</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>Individual</source>
        <translation>个人客户</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>单位客户</translation>
    </message>
    <message>
        <source>No complaint or suggestion was received in {period}.</source>
        <translation>{period} 期间没有受理投诉或建议。</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>概要</translation>
    </message>
    <message>
        <source>Complaints received</source>
        <translation>受理投诉</translation>
    </message>
    <message>
        <source>Suggestions received</source>
        <translation>受理建议</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>Closed within deadline</source>
        <translation>按期办结</translation>
    </message>
    <message>
        <source>Share closed within deadline</source>
        <translation>按期办结率</translation>
    </message>
    <message>
        <source>Still open</source>
        <translation>未办结</translation>
    </message>
    <message>
        <source>Open past deadline</source>
        <translation>超期未结</translation>
    </message>
    <message>
        <source>Average satisfaction (1-5)</source>
        <translation>平均满意度（1-5）</translation>
    </message>
    <message>
        <source>By category</source>
        <translation>按类别统计</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Share within deadline</source>
        <translation>按期办结率</translation>
    </message>
    <message>
        <source>No complaint in this period.</source>
        <translation>本期没有投诉。</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>台账</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>办结期限</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>按期</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>First {shown} of more rows: choose a shorter period.</source>
        <translation>仅列出前 {shown} 行：请选择较短的期间。</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>基本资料</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>客户类型</translation>
    </message>
    <message>
        <source>File stage</source>
        <translation>建档阶段</translation>
    </message>
    <message>
        <source>Completeness</source>
        <translation>完整度</translation>
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
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Second phone</source>
        <translation>备用电话</translation>
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
        <source>Volume tier</source>
        <translation>销量档次</translation>
    </message>
    <message>
        <source>Focus</source>
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
        <source>Consent to contact</source>
        <translation>同意联系</translation>
    </message>
    <message>
        <source>Do not disturb</source>
        <translation>勿扰</translation>
    </message>
    <message>
        <source>Preferred channel</source>
        <translation>首选联系方式</translation>
    </message>
    <message>
        <source>Payment habit</source>
        <translation>付款习惯</translation>
    </message>
    <message>
        <source>Usual interval (days)</source>
        <translation>进油周期（天）</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>最近到站</translation>
    </message>
    <message>
        <source>Visits in 12 months</source>
        <translation>近12个月到站次数</translation>
    </message>
    <message>
        <source>Litres in 12 months</source>
        <translation>近12个月升数</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>建档</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Missing from the file: {items}</source>
        <translation>档案缺少：{items}</translation>
    </message>
    <message>
        <source>Needs: {text}</source>
        <translation>客户需求：{text}</translation>
    </message>
    <message>
        <source>Notes: {text}</source>
        <translation>备注：{text}</translation>
    </message>
    <message>
        <source>Vehicles</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>Plate</source>
        <translation>车牌号</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>车型</translation>
    </message>
    <message>
        <source>New energy</source>
        <translation>新能源</translation>
    </message>
    <message>
        <source>No vehicle on file.</source>
        <translation>档案中没有车辆。</translation>
    </message>
    <message>
        <source>Fuel cards</source>
        <translation>加油卡</translation>
    </message>
    <message>
        <source>Card number</source>
        <translation>卡号</translation>
    </message>
    <message>
        <source>No fuel card on file.</source>
        <translation>档案中没有加油卡。</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>No contact on file.</source>
        <translation>档案中没有联系人。</translation>
    </message>
    <message>
        <source>History</source>
        <translation>客户经历</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>到站</translation>
    </message>
    <message>
        <source>Level change</source>
        <translation>等级变更</translation>
    </message>
    <message>
        <source>Reassigned</source>
        <translation>更换负责人</translation>
    </message>
    <message>
        <source>Callback</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Callback attempt</source>
        <translation>回访尝试</translation>
    </message>
    <message>
        <source>by card</source>
        <translation>持卡</translation>
    </message>
    <message>
        <source>First {shown} of {total} rows.</source>
        <translation>仅列出 {total} 行中的前 {shown} 行。</translation>
    </message>
    <message>
        <source>The day at a glance</source>
        <translation>当日概况</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>到站次数</translation>
    </message>
    <message>
        <source>Customers served</source>
        <translation>到站客户</translation>
    </message>
    <message>
        <source>Litres</source>
        <translation>升数</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Share of litres paid by card</source>
        <translation>持卡消费比率</translation>
    </message>
    <message>
        <source>New customers</source>
        <translation>新增客户</translation>
    </message>
    <message>
        <source>New organisations</source>
        <translation>新增单位客户</translation>
    </message>
    <message>
        <source>New individuals</source>
        <translation>新增个人客户</translation>
    </message>
    <message>
        <source>Callbacks done</source>
        <translation>已回访</translation>
    </message>
    <message>
        <source>Callbacks pending</source>
        <translation>待回访</translation>
    </message>
    <message>
        <source>of which overdue</source>
        <translation>其中已逾期</translation>
    </message>
    <message>
        <source>Complaints open</source>
        <translation>未结投诉</translation>
    </message>
    <message>
        <source>of which past deadline</source>
        <translation>其中已超期</translation>
    </message>
    <message>
        <source>Nothing was recorded for {unit} on {day}.</source>
        <translation>{unit} 在 {day} 没有任何记录。</translation>
    </message>
    <message>
        <source>Visits by product</source>
        <translation>按油品统计</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>油品</translation>
    </message>
    <message>
        <source>Paid by card</source>
        <translation>持卡比率</translation>
    </message>
    <message>
        <source>No visits on this day.</source>
        <translation>当日没有到站记录。</translation>
    </message>
    <message>
        <source>Callbacks</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>回访原因</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>应回访日</translation>
    </message>
    <message>
        <source>Done by</source>
        <translation>回访人</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>已联系上</translation>
    </message>
    <message>
        <source>No callback was recorded on this day.</source>
        <translation>当日没有回访记录。</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>No callback is pending.</source>
        <translation>没有待回访任务。</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>No complaint was received on this day.</source>
        <translation>当日没有受理投诉。</translation>
    </message>
    <message>
        <source>No complaint is open.</source>
        <translation>没有未结投诉。</translation>
    </message>
    <message>
        <source>By unit</source>
        <translation>按机构统计</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Printed {time}</source>
        <translation>打印时间 {time}</translation>
    </message>
    <message>
        <source>{unit} has no customers and no data for {period}.</source>
        <translation>{unit} 在 {period} 没有客户，也没有任何数据。</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>主要指标</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>Year-on-year, organisations</source>
        <translation>单位客户同比增长</translation>
    </message>
    <message>
        <source>Year-on-year, individuals</source>
        <translation>个人客户同比增长</translation>
    </message>
    <message>
        <source>Big customers&apos; share of litres</source>
        <translation>大客户销量占比</translation>
    </message>
    <message>
        <source>Level ups / downs</source>
        <translation>升级 / 降级</translation>
    </message>
    <message>
        <source>Callbacks due</source>
        <translation>应回访</translation>
    </message>
    <message>
        <source>Callbacks done on time</source>
        <translation>回访及时率</translation>
    </message>
    <message>
        <source>Staff with at least {n} customers</source>
        <translation>维护满 {n} 名客户的员工</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>明细表</translation>
    </message>
    <message>
        <source>Customers by level and kind</source>
        <translation>客户等级与类型</translation>
    </message>
    <message>
        <source>(no level)</source>
        <translation>（未定级）</translation>
    </message>
    <message>
        <source>No customers.</source>
        <translation>没有客户。</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Big customers</source>
        <translation>大客户占比</translation>
    </message>
    <message>
        <source>Callbacks done / due</source>
        <translation>已回访 / 应回访</translation>
    </message>
    <message>
        <source>Staff at 1:{n}</source>
        <translation>达到 1:{n} 的员工</translation>
    </message>
    <message>
        <source>The last twelve months</source>
        <translation>近十二个月</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>New customers, year-on-year</source>
        <translation>新增客户同比</translation>
    </message>
    <message>
        <source>Complaints by category</source>
        <translation>投诉类别（排列图）</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Cumulative share</source>
        <translation>累计占比</translation>
    </message>
    <message>
        <source>No complaint in this month.</source>
        <translation>本月没有投诉。</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Customers maintained</source>
        <translation>维护客户数</translation>
    </message>
    <message>
        <source>Complaints closed</source>
        <translation>办结投诉</translation>
    </message>
    <message>
        <source>No staff.</source>
        <translation>没有员工。</translation>
    </message>
    <message>
        <source>Levels are the customers&apos; current levels. Big customers: the volume tiers set in the basic settings, or the tag 大客户. Done on time: recorded no later than the due day.</source>
        <translation>等级为客户当前等级。大客户：基础设置中指定的销量档次，或带有“大客户”标签的客户。按时完成：不晚于应回访日记录。</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>第 {page} 页 / 共 {pages} 页</translation>
    </message>
    <message>
        <source>Not reached</source>
        <translation>未联系上</translation>
    </message>
    <message>
        <source>No callback was due and no report was written in {week}.</source>
        <translation>{week} 没有到期的回访，也没有人填写回访报告。</translation>
    </message>
    <message>
        <source>The week&apos;s callbacks</source>
        <translation>本周回访</translation>
    </message>
    <message>
        <source>Done on time</source>
        <translation>按时完成</translation>
    </message>
    <message>
        <source>Share done on time</source>
        <translation>按时完成率</translation>
    </message>
    <message>
        <source>Reports handed in</source>
        <translation>已交报告</translation>
    </message>
    <message>
        <source>Reports of the week</source>
        <translation>本周回访报告</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>填报人</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>任务数</translation>
    </message>
    <message>
        <source>Reviewed by</source>
        <translation>批阅人</translation>
    </message>
    <message>
        <source>No callback report was written this week.</source>
        <translation>本周没有人填写回访报告。</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>联系次数</translation>
    </message>
    <message>
        <source>Complaints raised</source>
        <translation>转为投诉</translation>
    </message>
    <message>
        <source>Summary by the author</source>
        <translation>本人小结</translation>
    </message>
    <message>
        <source>Guidance</source>
        <translation>指导意见</translation>
    </message>
    <message>
        <source>Comment of the area</source>
        <translation>片区意见</translation>
    </message>
    <message>
        <source>Records of {name}</source>
        <translation>{name}的回访记录</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Needs, problems, suggestions (verbatim)</source>
        <translation>需求、问题、建议（原始记录）</translation>
    </message>
    <message>
        <source>No callback recorded.</source>
        <translation>没有回访记录。</translation>
    </message>
    <message>
        <source>New customers and visits per month</source>
        <translation>每月新增客户与到站次数</translation>
    </message>
    <message>
        <source>Card and big-customer shares by unit</source>
        <translation>各机构持卡消费比率与大客户销量占比</translation>
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
<context>
    <name>weekly_report</name>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>已审阅</translation>
    </message>
    <message>
        <source>Passed to the area</source>
        <translation>已报片区</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>片区已阅</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
</context>
</TS>
