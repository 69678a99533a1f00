"""The source page parser: every fact of the shipped pages, and every kind of bad input.

Nothing here touches Django or the database.
"""

from dataclasses import replace
from pathlib import Path

import pytest

from pathways.sourcetext import (
    FAQ,
    Guide,
    Hub,
    HubPathway,
    Phase,
    Range,
    SkillToLearn,
    SourceError,
    TransferableSkill,
    infer_question,
    parse_file,
    parse_salary,
    parse_text,
    parse_timeline,
    render,
)
from pathways.sourcetext.wording import indefinite_article

SOURCE = Path(__file__).resolve().parent.parent / "fixtures" / "source"
PROJECT_MANAGER_FILE = SOURCE / "backend-developer-to-ai-project-manager.txt"
HUB_FILE = SOURCE / "hub-product-manager.txt"


def seed_text(path: Path = PROJECT_MANAGER_FILE) -> str:
    return path.read_text("utf-8")


def error_of(text: str, path: str = "guide.txt", **kwargs) -> str:
    with pytest.raises(SourceError) as caught:
        parse_text(text, path, **kwargs)
    return str(caught.value)


# The four shipped guides and the hub, written out field by field.

AI_PROJECT_MANAGER = Guide(
    from_role="Backend Developer",
    to_role="AI Project Manager",
    title=("From Backend Developer to AI Project Manager: Your 6-Month Transition Guide"),
    guide_months=6,
    views=1,
    difficulty="Moderate",
    timeline=Range("6-9 months", 6, 9),
    salary_change=Range("+15%", 15, 15),
    demand=(
        "High demand across tech, healthcare, finance, and retail sectors "
        "as AI adoption accelerates."
    ),
    overview="\n\n".join(
        (
            (
                "As a Backend Developer, you already possess a deep understanding "
                "of technical systems, APIs, and data flows that are foundational "
                "to AI projects. Your ability to architect scalable solutions and "
                "work with cloud platforms directly translates to managing AI "
                "initiatives, which often involve complex data pipelines and model "
                "deployment. This transition leverages your technical credibility "
                "to lead cross-functional teams, communicate with engineers, and "
                "ensure projects deliver tangible business value."
            ),
            (
                "AI Project Managers are in high demand as companies race to "
                "integrate machine learning into their products. Your background in "
                "system architecture and DevOps gives you a unique edge in "
                "understanding the technical risks and timelines that non-technical "
                "PMs often miss. By adding project management frameworks and "
                "AI-specific knowledge, you can bridge the gap between technical "
                "execution and strategic oversight, making you a highly effective "
                "leader in AI teams."
            ),
        )
    ),
    transferable_skills=(
        TransferableSkill(
            name="API Development",
            description=(
                "AI models are often deployed as APIs; your experience ensures "
                "smooth integration and understanding of latency, scalability, and "
                "data formats."
            ),
        ),
        TransferableSkill(
            name="Cloud Platforms (AWS/GCP)",
            description=(
                "AI workloads heavily rely on cloud infrastructure for training and "
                "inference; you can manage resource allocation, cost optimization, "
                "and deployment."
            ),
        ),
        TransferableSkill(
            name="SQL",
            description=(
                "Data is the lifeblood of AI; your SQL skills enable you to query "
                "datasets, validate data quality, and collaborate with data "
                "engineers."
            ),
        ),
        TransferableSkill(
            name="System Architecture",
            description=(
                "Designing end-to-end systems gives you insight into data "
                "pipelines, model serving, and monitoring, critical for scoping AI "
                "projects."
            ),
        ),
        TransferableSkill(
            name="DevOps",
            description=(
                "CI/CD, automation, and monitoring are essential for AI model "
                "lifecycle management; you can implement MLOps practices "
                "effectively."
            ),
        ),
    ),
    skills_to_learn=(
        SkillToLearn(
            name="Stakeholder Management",
            priority="important",
            weeks=4,
            description=(
                "Read 'The Art of Project Management' by Scott Berkun and practice "
                "with peer groups or mentor feedback."
            ),
        ),
        SkillToLearn(
            name="Risk Management",
            priority="important",
            weeks=3,
            description=(
                "Study PMBOK Guide risk management chapter and take 'Risk "
                "Management for Projects' on LinkedIn Learning."
            ),
        ),
        SkillToLearn(
            name="AI/ML Fundamentals",
            priority="critical",
            weeks=6,
            description=(
                "Take Coursera's 'AI For Everyone' by Andrew Ng, then 'Machine "
                "Learning' by Stanford on Coursera."
            ),
        ),
        SkillToLearn(
            name="Project Management (Agile/Scrum)",
            priority="critical",
            weeks=4,
            description=(
                "Complete Scrum Master certification (CSM) via Scrum Alliance or "
                "'Agile Project Management' on Coursera."
            ),
        ),
        SkillToLearn(
            name="Budget Management",
            priority="nice_to_have",
            weeks=2,
            description=(
                "Enroll in 'Financial Planning for Projects' on edX or read "
                "'Project Budgeting' by Tom Kendrick."
            ),
        ),
        SkillToLearn(
            name="AI Project Lifecycle",
            priority="nice_to_have",
            weeks=2,
            description=(
                "Review 'AI Project Lifecycle' on Google Cloud Skills Boost and "
                "case studies from industry reports."
            ),
        ),
    ),
    roadmap=(
        Phase(
            order=1,
            title="Foundation: AI & Project Management Basics",
            weeks=6,
            tasks=(
                "Complete 'AI For Everyone' course",
                "Read 'The Lean Startup' for iterative thinking",
                "Join AI/PM communities (e.g., PMI, AI PM Slack groups)",
            ),
            resources=(
                "Coursera: AI For Everyone",
                "Book: The Lean Startup by Eric Ries",
            ),
        ),
        Phase(
            order=2,
            title="Deep Dive: Core PM Skills & Certification",
            weeks=8,
            tasks=(
                "Earn Scrum Master certification (CSM)",
                "Complete PMP exam prep (if targeting PMP)",
                ("Practice with AI project case studies (e.g., Kaggle competitions as PM)"),
            ),
            resources=(
                "Scrum Alliance CSM course",
                "PMI.org PMP prep",
                "Kaggle: AI project examples",
            ),
        ),
        Phase(
            order=3,
            title="Real-World Application: Shadow or Volunteer",
            weeks=6,
            tasks=(
                "Shadow a senior AI PM in your company",
                "Volunteer to manage a small AI proof-of-concept",
                "Document lessons learned and build portfolio",
            ),
            resources=(
                "Internal mentorship program",
                "AI project templates from PMI",
            ),
        ),
        Phase(
            order=4,
            title="Skill Integration: Technical PM Specialization",
            weeks=8,
            tasks=(
                "Learn MLOps basics (e.g., MLflow, Kubeflow)",
                "Create a project plan for an AI deployment",
                "Network at AI conferences (e.g., NeurIPS, O'Reilly AI)",
            ),
            resources=(
                "MLOps course on Coursera",
                "Kubeflow documentation",
                "Eventbrite for AI meetups",
            ),
        ),
        Phase(
            order=5,
            title="Job Search & Positioning",
            weeks=4,
            tasks=(
                "Update resume to highlight AI projects and PM skills",
                "Prepare for behavioral interviews with STAR method",
                "Apply to AI PM roles at tech companies",
            ),
            resources=(
                "Resume templates for PM roles",
                "Glassdoor interview questions",
                "LinkedIn job alerts",
            ),
        ),
    ),
    love=(
        "Leading strategic decisions rather than writing code",
        "Direct impact on business outcomes through AI",
        "Collaborating with diverse teams (data scientists, executives)",
        "Less debugging and more problem-solving",
    ),
    miss=(
        "Deep technical work and hands-on coding",
        "Immediate feedback from code execution",
        "Autonomy over technical architecture",
        "Solving well-defined technical problems",
    ),
    challenges=(
        "Managing ambiguous timelines and uncertain model performance",
        "Translating technical details for non-technical stakeholders",
        ("Balancing multiple priorities without direct authority over team members"),
    ),
    this_week=(
        "Enroll in 'AI For Everyone' on Coursera",
        "Identify a senior AI PM in your network for a chat",
        ("Read one article on AI project failures (e.g., from Harvard Business Review)"),
    ),
    this_month=(
        "Complete AI For Everyone course",
        "Start Scrum Master certification prep",
        "Volunteer for a small AI-related task in your current role",
    ),
    next_90_days=(
        "Earn Scrum Master certification",
        "Shadow an AI PM for at least 2 meetings",
        "Create a portfolio with one AI project plan",
    ),
    faqs=(
        FAQ(
            question=(
                "How much more can I earn as an AI Project Manager than as a Backend Developer?"
            ),
            answer=(
                "Entry-level AI PM roles range from $100,000 to $130,000, while "
                "senior roles can exceed $170,000. Your backend developer salary of "
                "$85k-$140k means a potential 15-20% increase, especially if you "
                "have PM certifications."
            ),
            question_inferred=True,
        ),
    ),
)


AI_ENGINEERING_MANAGER = Guide(
    from_role="Backend Developer",
    to_role="AI Engineering Manager",
    title=("From Backend Developer to AI Engineering Manager: Your 6-Month Transition Guide"),
    guide_months=6,
    views=1,
    difficulty="Moderate",
    timeline=Range("6-9 months", 6, 9),
    salary_change=Range("+50%", 50, 50),
    demand=(
        "Very high demand as companies seek leaders who can manage AI teams "
        "and deliver production-ready AI solutions."
    ),
    overview="\n\n".join(
        (
            (
                "Your experience as a Backend Developer is an exceptional "
                "foundation for transitioning to an AI Engineering Manager role. "
                "You already understand how to build scalable systems, manage APIs, "
                "and work with cloud infrastructure—skills that are directly "
                "applicable to deploying and managing AI models in production. "
                "Moreover, your familiarity with system architecture and DevOps "
                "gives you a unique edge in ensuring AI solutions are robust, "
                "reliable, and cost-effective. This transition leverages your "
                "technical depth while adding leadership and AI specialization, "
                "making you a highly competitive candidate for senior management "
                "roles in the AI industry."
            ),
            (
                "As an AI Engineering Manager, you will lead teams that develop, "
                "deploy, and maintain machine learning models and AI systems. Your "
                "backend background means you can speak the language of engineers, "
                "understand technical trade-offs, and ensure AI products integrate "
                "seamlessly with existing systems. The demand for AI managers who "
                "can bridge the gap between cutting-edge ML and solid engineering "
                "practices is soaring, and your profile is perfectly positioned to "
                "fill that gap. With focused learning in ML fundamentals, "
                "management skills, and AI-specific tools, you can make this "
                "transition within six months."
            ),
        )
    ),
    transferable_skills=(
        TransferableSkill(
            name="API Development",
            description=(
                "You are skilled at building and maintaining APIs, which is "
                "critical for deploying ML models as services and integrating AI "
                "systems with other applications."
            ),
        ),
        TransferableSkill(
            name="Cloud Platforms (AWS/GCP)",
            description=(
                "Your cloud expertise directly applies to managing AI "
                "infrastructure, such as GPU instances for training, model hosting, "
                "and scalable deployment."
            ),
        ),
        TransferableSkill(
            name="System Architecture",
            description=(
                "You know how to design scalable, fault-tolerant systems, which is "
                "essential for architecting AI pipelines, data flows, and model "
                "serving infrastructure."
            ),
        ),
        TransferableSkill(
            name="DevOps",
            description=(
                "Your DevOps experience with CI/CD, monitoring, and automation is "
                "invaluable for MLOps—managing the lifecycle of ML models in "
                "production."
            ),
        ),
        TransferableSkill(
            name="SQL",
            description=(
                "Strong SQL skills help you work with data engineers and scientists "
                "to prepare, query, and validate datasets used for training and "
                "evaluation."
            ),
        ),
    ),
    skills_to_learn=(
        SkillToLearn(
            name="Deep Learning & Neural Networks",
            priority="important",
            weeks=10,
            description=(
                "Complete the Deep Learning Specialization by Andrew Ng on "
                "Coursera. Understand CNNs, RNNs, and transformers."
            ),
        ),
        SkillToLearn(
            name="MLOps & Model Deployment",
            priority="important",
            weeks=6,
            description=(
                "Take the 'Machine Learning Engineering for Production (MLOps)' "
                "course on Coursera. Learn tools like MLflow, Kubeflow, and Docker "
                "for model serving."
            ),
        ),
        SkillToLearn(
            name="Machine Learning Fundamentals",
            priority="critical",
            weeks=8,
            description=(
                "Take Andrew Ng's Machine Learning Specialization on Coursera. "
                "Focus on supervised and unsupervised learning, model evaluation, "
                "and bias-variance tradeoff."
            ),
        ),
        SkillToLearn(
            name="Engineering Management",
            priority="critical",
            weeks=6,
            description=(
                "Enroll in the Engineering Management program on Pluralsight or "
                "read 'The Manager's Path' by Camille Fournier. Practice with "
                "mentoring or leading a small project team."
            ),
        ),
        SkillToLearn(
            name="People Management & Communication",
            priority="nice_to_have",
            weeks=4,
            description=(
                "Read 'Radical Candor' by Kim Scott and practice giving feedback. "
                "Consider a LinkedIn Learning course on 'Leading Teams' to improve "
                "coaching and delegation."
            ),
        ),
        SkillToLearn(
            name="AI Ethics & Fairness",
            priority="nice_to_have",
            weeks=3,
            description=(
                "Complete the 'AI Ethics' course on edX or read 'Weapons of Math "
                "Destruction' by Cathy O'Neil. Understand bias, fairness, and "
                "accountability in AI."
            ),
        ),
    ),
    roadmap=(
        Phase(
            order=1,
            title="Build ML Foundations",
            weeks=8,
            tasks=(
                "Complete the Machine Learning Specialization on Coursera",
                "Practice with scikit-learn on Kaggle datasets",
                ("Understand key ML concepts: overfitting, regularization, cross-validation"),
            ),
            resources=(
                "Coursera - Machine Learning Specialization (Andrew Ng)",
                "Kaggle - 'Getting Started' competitions",
            ),
        ),
        Phase(
            order=2,
            title="Deep Dive into Deep Learning",
            weeks=6,
            tasks=(
                "Complete the Deep Learning Specialization",
                "Build a simple image classifier using TensorFlow or PyTorch",
                "Learn about transformer models and attention mechanisms",
            ),
            resources=(
                "Coursera - Deep Learning Specialization (Andrew Ng)",
                "Fast.ai - Practical Deep Learning for Coders",
            ),
        ),
        Phase(
            order=3,
            title="Master MLOps and Model Deployment",
            weeks=6,
            tasks=(
                "Take the MLOps course on Coursera",
                "Set up a model serving pipeline with Docker and Kubernetes",
                "Implement CI/CD for an ML model using MLflow",
            ),
            resources=(
                "Coursera - Machine Learning Engineering for Production (MLOps)",
                "MLflow documentation",
                "Kubernetes tutorials",
            ),
        ),
        Phase(
            order=4,
            title="Develop Engineering Management Skills",
            weeks=6,
            tasks=(
                "Read 'The Manager's Path' and 'Radical Candor'",
                "Lead a small team project (e.g., hackathon or open source)",
                "Practice one-on-one meetings and giving constructive feedback",
            ),
            resources=(
                "Book: 'The Manager's Path' by Camille Fournier",
                "Book: 'Radical Candor' by Kim Scott",
                "LinkedIn Learning - 'Leading Teams'",
            ),
        ),
        Phase(
            order=5,
            title="Prepare for Interviews and Transition",
            weeks=4,
            tasks=(
                "Update resume to highlight AI projects and leadership",
                "Prepare for behavioral and technical AI manager interviews",
                "Network with AI engineering managers on LinkedIn",
            ),
            resources=(
                "Cracking the PM Interview (for management questions)",
                "Glassdoor AI Engineering Manager interview questions",
                "AI Engineering Manager meetups",
            ),
        ),
    ),
    love=(
        ("Leading a team of talented AI engineers and seeing your vision come to life"),
        "Working on cutting-edge AI problems that have high business impact",
        "Higher salary and seniority with more strategic influence",
        ("Less time writing code and more time designing systems and mentoring"),
    ),
    miss=(
        "Writing production code daily and building features yourself",
        "The immediate satisfaction of debugging and fixing a tricky bug",
        "Less hands-on technical work and more meetings and planning",
        ("The relative simplicity of deterministic systems vs. probabilistic ML models"),
    ),
    challenges=(
        ("Learning ML fundamentals deeply enough to guide technical decisions"),
        "Transitioning from an individual contributor to a people manager",
        "Managing stakeholders who may have unrealistic expectations of AI",
        "Staying current with rapidly evolving AI tools and frameworks",
    ),
    this_week=(
        "Enroll in Andrew Ng's Machine Learning Specialization on Coursera",
        "Start reading 'The Manager's Path' by Camille Fournier",
        "Update your LinkedIn headline to reflect your AI transition goal",
    ),
    this_month=(
        "Complete the first course of the ML Specialization",
        "Join an AI/ML community like ML Reddit or a local meetup",
        ("Set up a GitHub repo with a simple ML project (e.g., housing price prediction)"),
    ),
    next_90_days=(
        "Finish the ML and Deep Learning Specializations",
        ("Lead a small team in a hackathon or volunteer project to practice management"),
        ("Build and deploy an end-to-end ML model using cloud services like AWS SageMaker"),
    ),
    faqs=(
        FAQ(
            question=(
                "How much more can I earn as an AI Engineering Manager than as a Backend Developer?"
            ),
            answer=(
                "As an AI Engineering Manager, you can expect a salary increase of "
                "about 50% or more compared to your backend developer role. The "
                "typical range is $180k-$300k, depending on location and company."
            ),
            question_inferred=True,
        ),
    ),
)


AI_PLATFORM_ENGINEER = Guide(
    from_role="Backend Developer",
    to_role="AI Platform Engineer",
    title=("From Backend Developer to AI Platform Engineer: Your 6-Month Transition Guide"),
    guide_months=6,
    views=1,
    difficulty="Moderate",
    timeline=Range("6-9 months", 6, 9),
    salary_change=Range("+20% to +50%", 20, 50),
    demand=(
        "Very high and growing as companies scale AI operations, with a "
        "shortage of engineers who can build robust ML infrastructure."
    ),
    overview="\n\n".join(
        (
            (
                "Your experience as a Backend Developer gives you a powerful "
                "foundation for becoming an AI Platform Engineer. You already "
                "understand system architecture, cloud infrastructure, and the "
                "importance of reliable, scalable services. The key shift is "
                "applying these skills to the unique demands of machine learning "
                "workflows, where you'll build platforms that enable data "
                "scientists and ML engineers to iterate faster and deploy models "
                "reliably. This is not a complete career reset; it's a "
                "specialization that leverages your existing expertise in a rapidly "
                "growing field."
            ),
            (
                "AI Platform Engineering is in high demand because organizations "
                "struggle to operationalize AI. They need engineers who can bridge "
                "the gap between software engineering and data science, creating "
                "self-service tools, managing GPU clusters, and building feature "
                "stores. Your background in building robust APIs and managing cloud "
                "resources is directly applicable. You'll be designing systems that "
                "handle versioned datasets, model registries, and automated "
                "pipelines—all while ensuring security, scalability, and cost "
                "efficiency. The transition is natural, and your skills are more "
                "relevant than you might think."
            ),
        )
    ),
    transferable_skills=(
        TransferableSkill(
            name="API Development",
            description=(
                "You already build and maintain APIs. In AI platforms, you'll "
                "create internal APIs for model serving, feature retrieval, and "
                "data ingestion, ensuring low latency and high availability."
            ),
        ),
        TransferableSkill(
            name="Cloud Platforms (AWS/GCP)",
            description=(
                "Your experience with cloud services like EC2, S3, and Cloud "
                "Storage directly transfers to managing ML-specific services like "
                "SageMaker, Vertex AI, and GPU instances for training and "
                "inference."
            ),
        ),
        TransferableSkill(
            name="SQL & Database Management",
            description=(
                "You're proficient with SQL for data storage. AI platforms require "
                "feature stores (e.g., Feast) and metadata stores (e.g., MLflow) "
                "that rely on similar querying and schema design skills."
            ),
        ),
        TransferableSkill(
            name="System Architecture",
            description=(
                "Designing scalable, fault-tolerant systems is core to both roles. "
                "For AI platforms, you'll architect pipelines for data processing, "
                "model training, and deployment with distributed computing "
                "principles."
            ),
        ),
        TransferableSkill(
            name="DevOps & CI/CD",
            description=(
                "Your DevOps experience, including Docker, Jenkins, and "
                "infrastructure as code, is essential for building MLOps pipelines "
                "that automate model training, testing, and deployment."
            ),
        ),
    ),
    skills_to_learn=(
        SkillToLearn(
            name="Python for ML & Data Engineering",
            priority="important",
            weeks=4,
            description=(
                "Deepen your Python skills with 'Python for Data Science and "
                "Machine Learning Bootcamp' on Udemy. Focus on libraries like "
                "Pandas, NumPy, and PyTorch for data manipulation and model "
                "building."
            ),
        ),
        SkillToLearn(
            name="Feature Stores & Data Versioning",
            priority="important",
            weeks=3,
            description=(
                "Read the 'Feature Store' chapter in 'Designing Machine Learning "
                "Systems' by Chip Huyen. Implement a simple feature store using "
                "Feast (open-source) and version data with DVC or LakeFS."
            ),
        ),
        SkillToLearn(
            name="Kubernetes for ML Workloads",
            priority="critical",
            weeks=6,
            description=(
                "Take the 'Kubernetes for Data Scientists and ML Engineers' course "
                "on Udemy and practice with K3s on a local cluster. Then, deploy "
                "Kubeflow or MLflow on a cloud Kubernetes service."
            ),
        ),
        SkillToLearn(
            name="ML Infrastructure & MLOps Tools",
            priority="critical",
            weeks=8,
            description=(
                "Enroll in 'MLOps: Machine Learning Operations' on Coursera (Duke "
                "University) and complete the 'MLOps with MLflow' project on "
                "DataCamp. Build a simple pipeline using TensorFlow Extended (TFX) "
                "or Kubeflow Pipelines."
            ),
        ),
        SkillToLearn(
            name="Model Serving & Inference Optimization",
            priority="nice_to_have",
            weeks=3,
            description=(
                "Explore NVIDIA Triton Inference Server and TensorFlow Serving. "
                "Complete the 'Deploying Machine Learning Models' course on "
                "Coursera (University of Washington)."
            ),
        ),
        SkillToLearn(
            name="GPU Programming & Distributed Computing",
            priority="nice_to_have",
            weeks=5,
            description=(
                "Take 'CUDA Programming on NVIDIA GPUs' on Coursera (Johns Hopkins) "
                "and read the 'Distributed Machine Learning' chapter in the same "
                "book by Chip Huyen."
            ),
        ),
    ),
    roadmap=(
        Phase(
            order=1,
            title="Foundations in ML & MLOps",
            weeks=4,
            tasks=(
                (
                    "Complete a beginner ML course to understand model lifecycle (e.g., "
                    "Andrew Ng's ML Specialization on Coursera)."
                ),
                (
                    "Set up a personal project: train a simple model (e.g., "
                    "scikit-learn) and track experiments with MLflow."
                ),
                ("Read 'Designing Machine Learning Systems' by Chip Huyen (first 5 chapters)."),
            ),
            resources=(
                "Machine Learning Specialization (Coursera)",
                "MLflow documentation",
                "Designing Machine Learning Systems (O'Reilly)",
            ),
        ),
        Phase(
            order=2,
            title="Kubernetes & Containerization for ML",
            weeks=4,
            tasks=(
                (
                    "Earn the Certified Kubernetes Administrator (CKA) certification or "
                    "complete a similar course."
                ),
                (
                    "Deploy a pre-trained model (e.g., ResNet) on Kubernetes using "
                    "Kubeflow or Seldon Core."
                ),
                ("Practice scaling inference with Kubernetes HPA (Horizontal Pod Autoscaler)."),
            ),
            resources=(
                "CKA Certification Course (Udemy)",
                "Kubeflow documentation",
                "Kubernetes in Action (Manning)",
            ),
        ),
        Phase(
            order=3,
            title="Building ML Pipelines & Feature Stores",
            weeks=6,
            tasks=(
                (
                    "Build an end-to-end ML pipeline using TFX or Kubeflow Pipelines "
                    "(data ingestion to deployment)."
                ),
                ("Implement a feature store with Feast, integrating it with an existing database."),
                ("Version control datasets and models using DVC and MLflow Model Registry."),
            ),
            resources=(
                "Kubeflow Pipelines tutorial",
                "Feast documentation",
                "DVC: Data Version Control (online course)",
            ),
        ),
        Phase(
            order=4,
            title="Cloud ML Platforms & Advanced Deployment",
            weeks=4,
            tasks=(
                (
                    "Complete a cloud-specific ML platform course (e.g., AWS SageMaker "
                    "or GCP Vertex AI)."
                ),
                (
                    "Deploy a model with A/B testing on cloud using SageMaker or Vertex "
                    "AI endpoints."
                ),
                (
                    "Optimize inference latency using model quantization and Triton "
                    "Inference Server."
                ),
            ),
            resources=(
                "AWS SageMaker Developer Course (A Cloud Guru)",
                "GCP Vertex AI documentation",
                "NVIDIA Triton Inference Server tutorials",
            ),
        ),
        Phase(
            order=5,
            title="Portfolio & Job Preparation",
            weeks=4,
            tasks=(
                (
                    "Create a GitHub portfolio showcasing your ML platform projects "
                    "(e.g., CI/CD for ML, feature store)."
                ),
                "Write a blog post on your transition journey and key learnings.",
                (
                    "Practice system design interviews for AI platform roles (e.g., "
                    "design a model serving infrastructure)."
                ),
            ),
            resources=(
                "System Design Interview (Alex Xu)",
                "MLOps interview questions on GitHub",
                "LinkedIn profile optimization for AI platform roles",
            ),
        ),
    ),
    love=(
        (
            "Working at the cutting edge of AI infrastructure, solving "
            "challenges that directly impact model performance."
        ),
        (
            "Collaborating with data scientists and ML engineers, learning from "
            "their domain expertise."
        ),
        (
            "Building self-service tools that empower teams to iterate faster "
            "and reduce time-to-market."
        ),
        "High salary and strong demand for your specialized skills.",
    ),
    miss=(
        ("The immediate gratification of shipping user-facing features in a web application."),
        (
            "The relative simplicity of traditional backend systems without the "
            "complexity of ML workflows."
        ),
        (
            "The larger community of backend developers and abundance of "
            "learning resources for typical web stacks."
        ),
        (
            "Potentially less hands-on coding of business logic and more focus "
            "on infrastructure and tooling."
        ),
    ),
    challenges=(
        (
            "Learning the ML domain language and understanding model "
            "evaluation, training, and deployment nuances."
        ),
        (
            "Managing GPU resources and distributed training, which have "
            "different failure modes than traditional compute."
        ),
        (
            "Dealing with data versioning and reproducibility issues that are "
            "unique to ML pipelines."
        ),
        (
            "Balancing the needs of data scientists (flexibility) with "
            "production requirements (stability, security)."
        ),
    ),
    this_week=(
        (
            "Enroll in the 'Machine Learning Specialization' on Coursera "
            "(Andrew Ng) to start building ML foundations."
        ),
        (
            "Set up a GitHub repo for your transition projects and create a "
            "learning schedule for the next 6 months."
        ),
        (
            "Join the MLOps community on Slack (e.g., MLOps.community) and "
            "follow AI platform engineers on LinkedIn."
        ),
    ),
    this_month=(
        (
            "Complete the first course of the ML Specialization and train a "
            "simple model with scikit-learn."
        ),
        (
            "Start the CKA certification course and practice Kubernetes basics "
            "on a local cluster (Minikube or K3s)."
        ),
        (
            "Read the first 5 chapters of 'Designing Machine Learning Systems' "
            "to understand the ML lifecycle."
        ),
    ),
    next_90_days=(
        ("Complete the CKA certification and deploy a model on Kubernetes using Kubeflow."),
        (
            "Build an end-to-end ML pipeline with TFX or Kubeflow Pipelines, "
            "including a feature store with Feast."
        ),
        (
            "Update your resume and LinkedIn to highlight your new skills and "
            "projects in AI platform engineering."
        ),
    ),
    faqs=(
        FAQ(
            question=(
                "How much more can I earn as an AI Platform Engineer than as a Backend Developer?"
            ),
            answer=(
                "Based on salary ranges, you can expect a 20% to 50% increase. "
                "Backend Developers earn $85K\u2013$140K, while AI Platform Engineers "
                "earn $130K\u2013$210K. Your exact increase depends on your current "
                "level, location, and how well you demonstrate your new skills."
            ),
            question_inferred=True,
        ),
    ),
)


APPLIED_AI_SCIENTIST = Guide(
    from_role="Backend Developer",
    to_role="Applied AI Scientist",
    title=("From Backend Developer to Applied AI Scientist: Your 12-Month Transition Guide"),
    guide_months=12,
    views=1,
    difficulty="Challenging",
    timeline=Range("12-18 months", 12, 18),
    salary_change=Range("+40%", 40, 40),
    demand=(
        "High and growing—companies need AI experts who can build "
        "production-ready systems, not just run experiments."
    ),
    overview="\n\n".join(
        (
            (
                "Your background as a Backend Developer is a powerful foundation "
                "for becoming an Applied AI Scientist. You already understand "
                "system architecture, API design, and cloud deployment—skills that "
                "are critical for moving AI models from research to production. "
                "Many AI projects fail not because the models are bad, but because "
                "they can't be integrated into real-world systems. That's where you "
                "excel."
            ),
            (
                "Transitioning to an Applied AI Scientist role means you'll focus "
                "on implementing and adapting cutting-edge research for practical "
                "applications. You'll need to deepen your knowledge of machine "
                "learning, especially deep learning, and learn to read and "
                "implement academic papers. Your experience with Python, cloud "
                "platforms, and DevOps will give you a significant head start, as "
                "these are the same tools used to train and deploy AI models. The "
                "demand for scientists who can bridge research and production is "
                "high, and your engineering mindset is exactly what companies are "
                "looking for."
            ),
        )
    ),
    transferable_skills=(
        TransferableSkill(
            name="Python Programming",
            description=(
                "Python is the primary language for AI development. Your existing "
                "Python skills directly transfer to writing training scripts, data "
                "processing pipelines, and model deployment code."
            ),
        ),
        TransferableSkill(
            name="API Development",
            description=(
                "You know how to build and expose APIs. This is essential for "
                "serving AI models in production, creating inference endpoints, and "
                "integrating AI capabilities into applications."
            ),
        ),
        TransferableSkill(
            name="Cloud Platforms (AWS/GCP)",
            description=(
                "Training and deploying AI models requires cloud resources. Your "
                "experience with AWS SageMaker, GCP AI Platform, or similar "
                "services means you can set up and manage GPU instances, storage, "
                "and model hosting."
            ),
        ),
        TransferableSkill(
            name="SQL & Data Handling",
            description=(
                "AI projects rely on large datasets. Your SQL skills help you "
                "query, clean, and preprocess data efficiently, which is a critical "
                "step in any machine learning pipeline."
            ),
        ),
        TransferableSkill(
            name="System Architecture & DevOps",
            description=(
                "Designing scalable, reliable systems is key for AI in production. "
                "Your knowledge of containerization (Docker), orchestration "
                "(Kubernetes), and CI/CD ensures models can be deployed and "
                "monitored effectively."
            ),
        ),
    ),
    skills_to_learn=(
        SkillToLearn(
            name="Research Paper Implementation",
            priority="important",
            weeks=8,
            description=(
                "Start with 'Papers With Code' to find papers with implementations. "
                "Reproduce results from classic papers like 'Attention Is All You "
                "Need' and 'ResNet'. Read 'How to Read a Paper' by S. Keshav."
            ),
        ),
        SkillToLearn(
            name="PyTorch Framework",
            priority="important",
            weeks=6,
            description=(
                "Complete the official PyTorch tutorials (pytorch.org). Build "
                "projects from 'PyTorch for Deep Learning' by Daniel Bourke on "
                "YouTube. Implement custom layers and training loops."
            ),
        ),
        SkillToLearn(
            name="Deep Learning & Neural Networks",
            priority="critical",
            weeks=12,
            description=(
                "Take the 'Deep Learning Specialization' by Andrew Ng on Coursera. "
                "Follow up with 'Fast.ai Practical Deep Learning for Coders' for "
                "hands-on implementation."
            ),
        ),
        SkillToLearn(
            name="Mathematics (Linear Algebra, Calculus, Probability)",
            priority="critical",
            weeks=16,
            description=(
                "Use '3Blue1Brown' YouTube series for intuition, then 'Mathematics "
                "for Machine Learning' specialization on Coursera. Practice with "
                "the 'Linear Algebra' and 'Probability' courses from MIT "
                "OpenCourseWare."
            ),
        ),
        SkillToLearn(
            name="Technical Writing & Communication",
            priority="nice_to_have",
            weeks=4,
            description=(
                "Write blog posts on Medium about your projects. Contribute to "
                "open-source AI documentation. Practice writing clear, concise "
                "explanations of model architectures and results."
            ),
        ),
        SkillToLearn(
            name="MLOps & Experiment Tracking",
            priority="nice_to_have",
            weeks=4,
            description=(
                "Learn tools like MLflow, Weights & Biases, and DVC. Take the "
                "'MLOps Fundamentals' course on Coursera. Set up experiment "
                "tracking for your own projects."
            ),
        ),
    ),
    roadmap=(
        Phase(
            order=1,
            title="Foundations: Math & ML Basics",
            weeks=8,
            tasks=(
                ("Review linear algebra and calculus fundamentals using 3Blue1Brown videos."),
                ("Complete the 'Mathematics for Machine Learning' Coursera specialization."),
                (
                    "Learn core ML concepts: supervised vs unsupervised learning, "
                    "overfitting, cross-validation."
                ),
                (
                    "Implement basic algorithms (linear regression, logistic "
                    "regression, decision trees) from scratch in Python."
                ),
            ),
            resources=(
                "Coursera: Mathematics for Machine Learning",
                "3Blue1Brown YouTube channel",
                "Scikit-learn documentation",
            ),
        ),
        Phase(
            order=2,
            title="Deep Learning & PyTorch Mastery",
            weeks=8,
            tasks=(
                ("Complete the 'Deep Learning Specialization' by Andrew Ng (Coursera)."),
                ("Work through 'Fast.ai Practical Deep Learning for Coders' (fast.ai)."),
                (
                    "Build end-to-end projects: image classifier, text sentiment "
                    "analyzer, simple RNN."
                ),
                (
                    "Learn PyTorch by implementing neural networks from scratch and "
                    "using torch.nn modules."
                ),
            ),
            resources=(
                "Coursera: Deep Learning Specialization",
                "Fast.ai course",
                "PyTorch official tutorials",
            ),
        ),
        Phase(
            order=3,
            title="Research Implementation & Advanced Topics",
            weeks=8,
            tasks=(
                (
                    "Read and implement a classic paper (e.g., 'Attention Is All You "
                    "Need' for Transformers)."
                ),
                "Reproduce results from a recent paper on Papers With Code.",
                "Learn about CNNs, RNNs, LSTMs, and Transformers in depth.",
                ("Start a personal blog to document your implementations and insights."),
            ),
            resources=(
                "Papers With Code website",
                "ArXiv Sanity Lite",
                "Medium blog platform",
            ),
        ),
        Phase(
            order=4,
            title="Production AI & MLOps",
            weeks=6,
            tasks=(
                "Deploy a trained model using Flask/FastAPI and Docker.",
                "Set up experiment tracking with MLflow or Weights & Biases.",
                "Implement a CI/CD pipeline for model retraining and deployment.",
                ("Learn about model monitoring, A/B testing, and data drift detection."),
            ),
            resources=(
                "MLflow documentation",
                "Weights & Biases tutorials",
                "Coursera: MLOps Fundamentals",
            ),
        ),
        Phase(
            order=5,
            title="Portfolio & Job Preparation",
            weeks=6,
            tasks=(
                "Polish your GitHub portfolio with 3-4 end-to-end AI projects.",
                "Write a technical blog post explaining one of your projects.",
                (
                    "Prepare for interviews: review ML fundamentals, system design for "
                    "AI, and coding."
                ),
                ("Network with AI practitioners on LinkedIn and attend AI meetups/conferences."),
            ),
            resources=(
                "LeetCode for coding practice",
                "Interview guides from 'Machine Learning Interviews' by Chip Huyen",
                "AI conferences (NeurIPS, ICML, or local meetups)",
            ),
        ),
    ),
    love=(
        ("Working on cutting-edge problems that directly impact products and users."),
        ("The intellectual challenge of keeping up with fast-paced research and applying it."),
        ("Seeing your models go from idea to production, solving real-world problems."),
        "Higher compensation and demand for your specialized skills.",
    ),
    miss=(
        (
            "The immediate, tangible results of building APIs and backend "
            "systems—ML experiments can take days."
        ),
        (
            "Less focus on pure engineering; you'll spend more time on data, "
            "math, and reading papers."
        ),
        (
            "The predictability of traditional software development—ML projects "
            "have more uncertainty."
        ),
        (
            "A clear separation of concerns; AI work often involves end-to-end "
            "ownership from data to deployment."
        ),
    ),
    challenges=(
        (
            "Bridging the math gap: linear algebra and probability are "
            "essential and can be tough to learn."
        ),
        ("Keeping up with the rapid pace of AI research—new papers come out daily."),
        ("Dealing with data quality issues and the iterative nature of model improvement."),
        (
            "Transitioning from a 'builder' mindset to a 'researcher' mindset "
            "that embraces experimentation and failure."
        ),
    ),
    this_week=(
        ("Enroll in the 'Mathematics for Machine Learning' Coursera specialization."),
        "Watch the first 3Blue1Brown linear algebra videos.",
        (
            "Set up a Python environment with PyTorch and complete the official "
            "'What is PyTorch?' tutorial."
        ),
    ),
    this_month=(
        ("Complete the first course of the Mathematics for Machine Learning specialization."),
        "Start the 'Deep Learning Specialization' by Andrew Ng.",
        ("Implement a simple neural network in PyTorch to classify images from the MNIST dataset."),
    ),
    next_90_days=(
        "Finish the Deep Learning Specialization and Fast.ai course.",
        (
            "Build a project: an image classifier for a custom dataset (e.g., "
            "dog breeds or fashion items)."
        ),
        ("Read and implement your first research paper from Papers With Code."),
        "Write a blog post summarizing your project and lessons learned.",
    ),
    faqs=(
        FAQ(
            question=(
                "How long does it take to move from Backend Developer to Applied AI Scientist?"
            ),
            answer=(
                "Realistically, expect 12-18 months of dedicated learning and "
                "project building. If you can study 10-15 hours per week, you can "
                "be job-ready in about a year. The timeline depends on your current "
                "math proficiency and how much time you can commit."
            ),
            question_inferred=True,
        ),
    ),
)


PRODUCT_MANAGER_HUB = Hub(
    role="Product Manager",
    intro=(
        "Discover 3+ transition paths from various backgrounds to become a "
        "Product Manager. Each pathway includes skill gap analysis, "
        "learning roadmaps, and actionable advice tailored to your starting "
        "point."
    ),
    role_description=(
        "Product Managers guide product development from conception to "
        "launch. They define product vision, prioritize features, and work "
        "with engineering and design teams."
    ),
    pathways=(
        HubPathway(
            from_role="Generative AI Engineer",
            to_role="AI Product Manager",
            title=(
                "From Generative AI Engineer to AI Product Manager: Your 8-Month Transition Guide"
            ),
            guide_months=8,
            summary=(
                "You have a powerful advantage as a Generative AI Engineer moving "
                "into Product Management. Your deep technical expertise in "
                "generative models, prompt engineering, and AI systems gives you "
                "unique credibility when defining product vision for AI-powered "
                "applications. You understand the possibilities and limitations of "
                "the technology in a way few non-technical PMs can, allowing you to "
                "bridge the gap between engineering teams and business stakeholders "
                "more effectively. Your experience building creative AI systems "
                "means you already think about user experience, output quality, and "
                "practical applications—core product concerns. As AI becomes "
                "increasingly integrated into products across industries, companies "
                "desperately need product leaders who can translate technical "
                "capabilities into user value. Your background positions you "
                "perfectly to lead the development of next-generation AI products "
                "that are both innovative and commercially viable. This transition "
                "lets you shift from implementing specific models to shaping entire "
                "product strategies. You'll leverage your understanding of "
                "diffusion models, transformers, and generative architectures to "
                "make informed decisions about feature prioritization, technical "
                "feasibility, and product roadmaps. Your technical depth will earn "
                "you respect from engineering teams while enabling you to advocate "
                "for users and business goals."
            ),
        ),
        HubPathway(
            from_role="Deep Learning Engineer",
            to_role="AI Product Manager",
            title=(
                "From Deep Learning Engineer to AI Product Manager: Your 8-Month Transition Guide"
            ),
            guide_months=8,
            summary=(
                "As a Deep Learning Engineer, you have a rare and powerful "
                "advantage in transitioning to Product Management. Your deep "
                "technical expertise in neural networks, model architecture, and AI "
                "research gives you unparalleled credibility when defining AI "
                "product vision and making strategic technical trade-offs. You "
                "understand what's possible, what's cutting-edge, and what's "
                "practical in AI development, which is precisely what companies "
                "building AI-first products desperately need in their product "
                "leaders. This transition allows you to move from building "
                "individual models to shaping entire product strategies that impact "
                "millions of users. Your experience with research papers and "
                "complex problem-solving translates directly to market analysis and "
                "product discovery. While you'll shift from writing Python code to "
                "writing product requirements, your technical background will "
                "enable you to communicate effectively with engineering teams and "
                "make smarter product decisions based on technical feasibility and "
                "innovation potential."
            ),
        ),
        HubPathway(
            from_role="Software Engineer",
            to_role="Product Manager",
            title=("From Software Engineer to Product Manager: Your 9-Month Transition Guide"),
            guide_months=9,
            summary=(
                "Your background as a Software Engineer gives you a powerful "
                "foundation for transitioning into Product Management. You already "
                "understand how software is built, which allows you to communicate "
                "effectively with engineering teams, estimate technical "
                "feasibility, and make informed trade-offs. This technical "
                "credibility is a rare and highly valued asset in product roles, "
                "where many PMs lack hands-on coding experience. Your experience "
                "with system design and problem-solving directly translates to "
                "defining product architectures and solving user pain points. "
                "You're used to breaking down complex problems—now you'll apply "
                "that skill to market needs and user journeys. This transition lets "
                "you shift from building what you're told to deciding what to build "
                "and why, giving you greater influence over product strategy and "
                "business impact."
            ),
        ),
    ),
)


SEEDS = {
    "backend-developer-to-ai-project-manager": AI_PROJECT_MANAGER,
    "backend-developer-to-ai-engineering-manager": AI_ENGINEERING_MANAGER,
    "backend-developer-to-ai-platform-engineer": AI_PLATFORM_ENGINEER,
    "backend-developer-to-applied-ai-scientist": APPLIED_AI_SCIENTIST,
    "hub-product-manager": PRODUCT_MANAGER_HUB,
}


# Shipped pages


@pytest.mark.parametrize(("stem", "expected"), SEEDS.items(), ids=list(SEEDS))
def test_parse_file_seed_gives_every_fact(stem, expected):
    assert parse_file(SOURCE / f"{stem}.txt") == expected


def test_parse_file_seed_takes_role_names_from_the_title_not_the_breadcrumb():
    guide = parse_file(SOURCE / "backend-developer-to-applied-ai-scientist.txt")

    assert (guide.from_role, guide.to_role) == ("Backend Developer", "Applied AI Scientist")


def test_parse_file_seed_overview_keeps_two_paragraphs():
    guide = parse_file(PROJECT_MANAGER_FILE)
    paragraphs = guide.overview.split("\n\n")

    assert len(paragraphs) == 2
    assert paragraphs[0].startswith("As a Backend Developer, you already possess")
    assert paragraphs[1].endswith("making you a highly effective leader in AI teams.")


def test_parse_file_seed_typographic_characters_survive():
    guide = parse_file(SOURCE / "backend-developer-to-ai-platform-engineer.txt")

    assert "$85K\u2013$140K" in guide.faqs[0].answer
    assert guide.overview.split("\n\n")[1].count("pipelines\u2014all") == 1


def test_parse_file_seed_hub_lists_other_targets():
    hub = parse_file(HUB_FILE)

    assert [(p.from_role, p.to_role, p.guide_months) for p in hub.pathways] == [
        ("Generative AI Engineer", "AI Product Manager", 8),
        ("Deep Learning Engineer", "AI Product Manager", 8),
        ("Software Engineer", "Product Manager", 9),
    ]


def test_render_hub_seed_reproduces_the_file_byte_for_byte():
    assert render(parse_file(HUB_FILE)) == seed_text(HUB_FILE)


@pytest.mark.parametrize("stem", [stem for stem in SEEDS if not stem.startswith("hub")])
def test_render_guide_seed_reproduces_the_file_with_resources_as_bullets(stem):
    path = SOURCE / f"{stem}.txt"
    guide = parse_file(path)
    lines = seed_text(path).split("\n")
    lines[2] = guide.to_role  # breadcrumbs are written with the title's spelling
    resource_lines = [index + 1 for index, line in enumerate(lines) if line == "Resources"]
    for index, phase in zip(reversed(resource_lines), reversed(guide.roadmap), strict=True):
        lines[index : index + 1] = ["  \u2022 " + resource for resource in phase.resources]

    assert render(guide) == "\n".join(lines)


@pytest.mark.parametrize("stem", list(SEEDS))
def test_parse_text_rendered_seed_gives_the_same_record(stem):
    record = parse_file(SOURCE / f"{stem}.txt")

    assert parse_text(render(record), "rendered.txt") == record


# Layout variations


def test_parse_text_crlf_and_trailing_newline_give_the_same_record():
    text = seed_text().replace("\n", "\r\n") + "\r\n"

    assert parse_text(text, "crlf.txt") == AI_PROJECT_MANAGER


def test_parse_text_byte_order_mark_is_ignored():
    assert parse_text("\ufeff" + seed_text(), "bom.txt") == AI_PROJECT_MANAGER


def test_parse_text_view_count_with_thousands_separator():
    text = seed_text().replace("Career Pathway1 views", "Career Pathway1,204 views")

    assert parse_text(text, "x").views == 1204


def test_parse_text_view_count_absent_gives_none():
    text = seed_text().replace("Career Pathway1 views", "Career Pathway")

    assert parse_text(text, "x").views is None


def test_parse_text_title_without_months():
    title = "From Backend Developer to AI Project Manager: Transition Guide"
    text = seed_text().replace(AI_PROJECT_MANAGER.title, title)
    guide = parse_text(text, "x")

    assert (guide.title, guide.guide_months) == (title, None)


def test_render_guide_without_months_or_views_round_trips():
    guide = replace(AI_PROJECT_MANAGER, views=None, guide_months=None)
    guide = replace(guide, title="From Backend Developer to AI Project Manager: Transition Guide")
    text = render(guide)

    assert text.startswith("Career Pathway\nBackend Developer\nAI Project Manager\n\n")
    assert parse_text(text, "x") == guide


def test_parse_text_singular_week_and_case_of_priority():
    text = seed_text().replace("Nice to have2 weeks", "nice to have1 week")
    skills = parse_text(text, "x").skills_to_learn

    assert [(s.priority, s.weeks) for s in skills[4:]] == [("nice_to_have", 1), ("nice_to_have", 1)]


def test_parse_text_closing_call_to_action_is_optional():
    text = seed_text().split("\n\nReady to Start Your Transition?")[0]

    assert parse_text(text, "x") == AI_PROJECT_MANAGER


def test_parse_text_curly_apostrophes_in_headings():
    text = seed_text().replace("What You'll Love", "What You\u2019ll Love")

    assert parse_text(text, "x") == AI_PROJECT_MANAGER


def test_parse_text_resources_as_bullets_are_not_split():
    text = seed_text().replace(
        "Resources\nCoursera: AI For EveryoneBook: The Lean Startup by Eric Ries",
        "Resources\n  \u2022 Coursera: AI For EveryoneBook\n  \u2022 Eric Ries",
    )

    assert parse_text(text, "x").roadmap[0].resources == (
        "Coursera: AI For EveryoneBook",
        "Eric Ries",
    )


def test_parse_text_phase_without_resources_gives_none():
    text = seed_text().replace(
        "Resources\nCoursera: AI For EveryoneBook: The Lean Startup by Eric Ries\n", ""
    )

    assert parse_text(text, "x").roadmap[0].resources == ()


def test_parse_text_question_before_answer_is_kept():
    text = seed_text().replace(
        "Frequently Asked Questions\n\n",
        "Frequently Asked Questions\n\nIs the pay better?\n\n",
    )
    faqs = parse_text(text, "x").faqs

    assert faqs == (
        FAQ("Is the pay better?", AI_PROJECT_MANAGER.faqs[0].answer, question_inferred=False),
    )


def test_parse_text_multi_line_overview_paragraph_is_kept():
    text = seed_text().replace(
        "\n\nAI Project Managers are in high demand",
        "\n\n- first point\n- second point\n\nAI Project Managers are in high demand",
    )
    paragraphs = parse_text(text, "x").overview.split("\n\n")

    assert paragraphs[1] == "- first point\n- second point"


def test_parse_text_hub_with_an_article():
    text = seed_text(HUB_FILE).replace("Product Manager", "AI Engineer")
    text = text.replace("How to Become a AI Engineer", "How to Become an AI Engineer")
    hub = parse_text(text, "hub.txt")

    assert hub.role == "AI Engineer"
    assert render(hub).startswith("How to Become an AI Engineer\n")


def test_parse_text_hub_without_closing():
    text = seed_text(HUB_FILE).split("\nReady to Start Your Journey?")[0]

    assert parse_text(text, "hub.txt") == PRODUCT_MANAGER_HUB


def test_render_empty_hub_round_trips():
    hub = Hub("UX Designer", "Discover paths.", "UX Designers design.", ())

    assert parse_text(render(hub), "x") == hub
    assert render(hub).split("\n")[:5] == [
        "How to Become a UX Designer",
        "Discover paths.",
        "Target Career: UX Designer",
        "UX Designers design.",
        "Transition Paths from Different Backgrounds (0)",
    ]


# Ranges


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("6-9 months", (6, 9)),
        ("6 months", (6, 6)),
        ("6\u20139 months", (6, 9)),
        ("6 \u2013 9 months", (6, 9)),
        ("6 to 9 months", (6, 9)),
        ("1 month", (1, 1)),
        ("1-2 years", (12, 24)),
        ("1 year", (12, 12)),
        ("9-6 months", (6, 9)),
        ("about a year", (None, None)),
        ("6+ months", (None, None)),
        ("", (None, None)),
    ],
)
def test_parse_timeline_reads_months(text, expected):
    assert parse_timeline(text) == Range(text, *expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("+15%", (15, 15)),
        ("15%", (15, 15)),
        ("+20% to +50%", (20, 50)),
        ("-10%", (-10, -10)),
        ("\u221210%", (-10, -10)),
        ("-5% to +10%", (-5, 10)),
        ("\u22125% to +10%", (-5, 10)),
        ("+20%\u2013+50%", (20, 50)),
        ("20-50%", (20, 50)),
        ("+50% to +20%", (20, 50)),
        ("+12.5%", (None, None)),
        ("Varies", (None, None)),
    ],
)
def test_parse_salary_reads_percentages(text, expected):
    assert parse_salary(text) == Range(text, *expected)


def test_parse_text_unreadable_ranges_keep_their_text():
    text = seed_text().replace("6-9 months", "It depends").replace("+15%", "Similar pay")
    guide = parse_text(text, "x")

    assert (guide.timeline, guide.salary_change) == (
        Range("It depends", None, None),
        Range("Similar pay", None, None),
    )


# FAQ questions


def test_infer_question_salary_answer():
    answer = "Expect $120k-$150k, a clear raise over your current salary."

    assert infer_question(answer, "Backend Developer", "AI Project Manager") == (
        "How much more can I earn as an AI Project Manager than as a Backend Developer?"
    )


def test_infer_question_timeline_answer():
    answer = "Realistically, expect 12-18 months of study; about a year if you focus."

    assert infer_question(answer, "Backend Developer", "Applied AI Scientist") == (
        "How long does it take to move from Backend Developer to Applied AI Scientist?"
    )


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (
            "A certification such as the PMP helps, but no degree is required.",
            "Do I need a degree or certification to become a UX Designer?",
        ),
        (
            "It is challenging at first, but hard work pays off.",
            "How hard is it to move from Engineer to UX Designer?",
        ),
        (
            "Build a portfolio and practise for the interview.",
            "How do I land my first job as a UX Designer?",
        ),
        (
            "Yes, coding stays part of the role.",
            "Will I still write code as a UX Designer?",
        ),
        (
            "Start by talking to people who already do it.",
            "What should I know before moving from Engineer to UX Designer?",
        ),
    ],
)
def test_infer_question_topic_by_keywords(answer, expected):
    assert infer_question(answer, "Engineer", "UX Designer") == expected


def test_infer_question_already_asked_takes_the_next_topic():
    answer = "Within 6 months your salary can grow."
    salary = "How much more can I earn as an ML Engineer than as a Data Analyst?"

    assert infer_question(answer, "Data Analyst", "ML Engineer") == salary
    assert infer_question(answer, "Data Analyst", "ML Engineer", {salary}) == (
        "How long does it take to move from Data Analyst to ML Engineer?"
    )


@pytest.mark.parametrize(
    ("phrase", "article"),
    [
        ("AI Project Manager", "an"),
        ("Applied AI Scientist", "an"),
        ("Backend Developer", "a"),
        ("ML Engineer", "an"),
        ("UX Designer", "a"),
        ("SRE", "an"),
        ("QA Engineer", "a"),
        ("iOS Developer", "an"),
        ("University Lecturer", "a"),
        ("Hourly Worker", "an"),
        ("Engineer", "an"),
        ("8-bit Artist", "an"),
    ],
)
def test_indefinite_article_by_sound(phrase, article):
    assert indefinite_article(phrase) == article


# Bad input: every refusal names the file, the line and what is wrong.


def test_parse_text_empty_file():
    assert error_of("") == "guide.txt:1: empty file"


def test_parse_text_blank_file():
    assert error_of("\n  \n\t\n") == "guide.txt:1: empty file"


def test_parse_text_unknown_layout():
    assert error_of("\nWelcome to our blog\nMore text") == (
        "guide.txt:2: unknown layout: expected a guide ('Career Pathway\u2026') or a hub "
        "('How to Become a <Role>'), found 'Welcome to our blog'"
    )


def test_parse_text_nul_character():
    assert error_of("Career Pathway\nBackend\x00Developer\n") == (
        "guide.txt:2: binary content (NUL byte); expected UTF-8 text"
    )


def test_parse_text_bad_view_count():
    text = seed_text().replace("Career Pathway1 views", "Career Pathway many views")

    assert error_of(text) == (
        "guide.txt:1: expected 'Career Pathway' with an optional view count such as "
        "'Career Pathway1,204 views', found 'Career Pathway many views'"
    )


def test_parse_text_missing_title():
    text = seed_text().replace(AI_PROJECT_MANAGER.title + "\n", "")

    assert error_of(text) == (
        "guide.txt:6: missing title: expected 'From <role> to <role>: Your N-Month "
        "Transition Guide', found 'Difficulty'"
    )


def test_parse_text_missing_breadcrumbs():
    text = seed_text().replace("Backend Developer\nAi Project Manager\n", "")

    assert error_of(text) == (
        "guide.txt:3: missing breadcrumb: expected the current role, found "
        "'From Backend Developer to AI Project Manager: Your 6-Month\u2026'"
    )


def test_parse_text_target_breadcrumb_disagrees_with_title():
    text = seed_text().replace("Ai Project Manager\n", "Ai Product Manager\n", 1)

    assert error_of(text) == (
        "guide.txt:3: breadcrumb 'Ai Product Manager' does not match the target role "
        "'AI Project Manager' in the title"
    )


def test_parse_text_current_breadcrumb_disagrees_with_title():
    text = seed_text().replace("Backend Developer\n", "Frontend Developer\n", 1)

    assert error_of(text) == (
        "guide.txt:2: breadcrumb 'Frontend Developer' does not match the current role "
        "'Backend Developer' in the title"
    )


def test_parse_text_missing_stat_label():
    text = seed_text().replace("Salary Change\n+15%\n", "")

    assert error_of(text) == "guide.txt:11: expected 'Salary Change', found 'Demand'"


def test_parse_text_missing_stat_value():
    text = seed_text().replace("Demand\nHigh demand", "Demand\n\nOverview\n\nHigh demand")

    assert error_of(text) == "guide.txt:15: missing the value of 'Demand': found 'Overview'"


def test_parse_text_truncated_after_roadmap():
    text = seed_text().split("\n\nReality Check")[0]

    assert error_of(text) == (
        "guide.txt:144: unexpected end of file: missing section 'Reality Check' "
        "(the guide stops after 'Your Learning Roadmap')"
    )


def test_parse_text_truncated_inside_reality_check():
    text = seed_text().split("\n\nBiggest Challenges")[0]

    assert error_of(text) == (
        "guide.txt:162: unexpected end of file: missing 'Biggest Challenges' in 'Reality Check'"
    )


def test_parse_text_section_out_of_order():
    text = seed_text()
    reality = text[text.index("Reality Check") : text.index("Start Your Journey Now")]
    start = text[text.index("Start Your Journey Now") : text.index("Frequently Asked Questions")]
    text = text.replace(reality + start, start + reality)

    assert error_of(text) == (
        "guide.txt:146: section out of order: found 'Start Your Journey Now' where "
        "'Reality Check' was expected"
    )


def test_parse_text_weeks_written_in_words():
    text = seed_text().replace("Critical6 weeks", "Critical eight weeks")

    assert error_of(text) == (
        "guide.txt:64: bad priority and weeks line 'Critical eight weeks' for skill "
        "'AI/ML Fundamentals': expected e.g. 'Critical6 weeks' (Critical, Important or "
        "Nice to have)"
    )


def test_parse_text_unknown_priority():
    text = seed_text().replace("Critical6 weeks", "Urgent6 weeks")

    assert error_of(text) == (
        "guide.txt:64: unknown priority 'Urgent' for skill 'AI/ML Fundamentals': "
        "expected Critical, Important or Nice to have"
    )


def test_parse_text_missing_priority():
    text = seed_text().replace("Critical6 weeks", "6 weeks")

    assert error_of(text) == (
        "guide.txt:64: missing priority in '6 weeks' for skill 'AI/ML Fundamentals': "
        "expected e.g. 'Critical6 weeks' (Critical, Important or Nice to have)"
    )


def test_parse_text_skill_without_description():
    text = seed_text().replace(
        "\n\nReview 'AI Project Lifecycle' on Google Cloud Skills Boost and case studies "
        "from industry reports.",
        "",
    )

    assert error_of(text) == "guide.txt:82: skill 'AI Project Lifecycle' has no description"


def test_parse_text_phase_without_weeks():
    text = seed_text().replace("Basics\n\n6 weeks\n", "Basics\n\n")

    assert error_of(text) == (
        "guide.txt:94: phase 1 'Foundation: AI & Project Management Basics' has no weeks "
        "line: expected e.g. '6 weeks', found 'Tasks'"
    )


def test_parse_text_phase_without_tasks():
    text = seed_text()
    tasks = text[text.index("Tasks\n  \u2022 Earn") : text.index("Resources\nScrum")]
    text = text.replace(tasks, "")

    assert error_of(text) == (
        "guide.txt:106: phase 2 'Deep Dive: Core PM Skills & Certification' has no tasks: "
        "expected 'Tasks' after the weeks line"
    )


def test_parse_text_phase_with_empty_task_list():
    text = seed_text()
    bullets = text[text.index("  \u2022 Earn") : text.index("Resources\nScrum")]
    text = text.replace(bullets, "")

    assert error_of(text) == (
        "guide.txt:106: phase 2 'Deep Dive: Core PM Skills & Certification' has no tasks: "
        "'Tasks' lists no '\u2022' bullets"
    )


def test_parse_text_phase_number_out_of_sequence():
    text = seed_text().replace("\n3\n\nReal-World", "\n4\n\nReal-World")

    assert error_of(text) == "guide.txt:112: phase number 4 is out of sequence: expected 3"


def test_parse_text_resources_heading_without_resources():
    text = seed_text().replace(
        "Resources\nCoursera: AI For EveryoneBook: The Lean Startup by Eric Ries\n", "Resources\n"
    )

    assert error_of(text) == (
        "guide.txt:99: phase 1 'Foundation: AI & Project Management Basics' lists no "
        "resources after 'Resources'"
    )


def test_parse_text_stray_line_in_bullet_list():
    text = seed_text().replace("What You Might Miss\n", "What You Might Miss\nA stray note\n")

    assert error_of(text) == (
        "guide.txt:158: expected a '\u2022' bullet under 'What You Might Miss', found "
        "'A stray note'"
    )


def test_parse_text_stray_line_in_roadmap():
    text = seed_text().replace("Resources\nScrum", "A stray note\nResources\nScrum")

    assert error_of(text) == "guide.txt:110: expected phase number 3, found 'A stray note'"


def test_parse_text_question_without_answer():
    text = seed_text().replace(
        "\n\nReady to Start Your Transition?",
        "\n\nIs it worth it?\n\nReady to Start Your Transition?",
    )

    assert error_of(text) == "guide.txt:196: FAQ question 'Is it worth it?' has no answer"


def test_parse_text_text_after_closing():
    text = seed_text() + "\n\nSubscribe to our newsletter"

    assert error_of(text) == (
        "guide.txt:200: unexpected text after 'Ready to Start Your Transition?': "
        "'Subscribe to our newsletter'"
    )


def test_parse_text_hub_count_disagrees_with_entries():
    text = seed_text(HUB_FILE).replace("Backgrounds (3)", "Backgrounds (4)")

    assert error_of(text, "hub.txt") == (
        "hub.txt:5: the heading says 4 transition paths but 3 are listed"
    )


def test_parse_text_hub_target_disagrees_with_title():
    text = seed_text(HUB_FILE).replace("Target Career: Product Manager", "Target Career: Designer")

    assert error_of(text, "hub.txt") == (
        "hub.txt:3: target career 'Designer' does not match the role 'Product Manager' in the title"
    )


def test_parse_text_hub_entry_without_summary():
    lines = seed_text(HUB_FILE).split("\n")
    del lines[8]

    assert error_of("\n".join(lines), "hub.txt") == (
        "hub.txt:8: pathway 'From Deep Learning Engineer to AI Product Manager: Your 8-M\u2026' "
        "has no summary"
    )


def test_parse_text_hub_entry_with_bad_title():
    text = seed_text(HUB_FILE).replace(
        "From Software Engineer to Product Manager: Your 9-Month Transition Guide",
        "Software Engineer path",
    )

    assert error_of(text, "hub.txt") == (
        "hub.txt:10: expected a pathway title like 'From <role> to <role>: Your N-Month "
        "Transition Guide', found 'Software Engineer path'"
    )


def test_parse_text_hub_missing_paths_heading():
    text = seed_text(HUB_FILE).replace("Transition Paths from Different Backgrounds (3)\n", "")

    assert error_of(text, "hub.txt") == (
        "hub.txt:5: expected 'Transition Paths from Different Backgrounds (N)', found "
        "'From Generative AI Engineer to AI Product Manager: Your 8-M\u2026'"
    )


def test_parse_file_binary_content(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"Career Pathway\nBackend\n\x89PNG\x00\x00\x00")

    with pytest.raises(SourceError) as caught:
        parse_file(path)

    assert str(caught.value) == f"{path}:3: binary content (NUL byte); expected UTF-8 text"


def test_parse_file_not_utf8(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes(
        seed_text()
        .replace("Moderate", "Mod\u00e9rate")
        .encode("utf-8")
        .replace("Mod\u00e9rate".encode(), "Mod\u00e9rate".encode("latin-1"))
    )

    with pytest.raises(SourceError) as caught:
        parse_file(path)

    assert str(caught.value) == f"{path}:8: not UTF-8 text: invalid byte 0xe9"


def test_parse_file_too_large_refused_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as file:
        file.truncate(1024 * 1024 + 1)  # sparse: nothing is written, only the size

    with pytest.raises(SourceError) as caught:
        parse_file(path)

    assert str(caught.value) == f"{path}:1: file is too large (1,048,577 bytes; the limit is 1 MiB)"


def test_parse_file_empty(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")

    with pytest.raises(SourceError) as caught:
        parse_file(path)

    assert str(caught.value) == f"{path}:1: empty file"


def test_parse_file_missing(tmp_path):
    path = tmp_path / "missing.txt"

    with pytest.raises(SourceError) as caught:
        parse_file(path)

    assert str(caught.value) == f"{path}:1: cannot read the file: No such file or directory"


def test_parse_text_skill_taking_zero_weeks():
    text = seed_text().replace("Important3 weeks", "Important0 weeks")

    assert error_of(text) == (
        "guide.txt:58: skill 'Risk Management' takes 0 weeks in 'Important0 weeks': "
        "it must take at least 1 week"
    )


def test_parse_text_phase_taking_zero_weeks():
    text = seed_text().replace(
        "Foundation: AI & Project Management Basics\n\n6 weeks",
        "Foundation: AI & Project Management Basics\n\n0 weeks",
    )

    assert error_of(text) == (
        "guide.txt:94: phase 1 'Foundation: AI & Project Management Basics' takes 0 weeks: "
        "a phase takes at least 1 week"
    )


@pytest.mark.parametrize(
    ("text", "parse"),
    [("200 years", parse_timeline), ("1201 months", parse_timeline), ("+10001%", parse_salary)],
)
def test_parse_figures_beyond_sense_keep_text_without_numbers(text, parse):
    assert parse(text) == Range(text, None, None)


def test_parse_text_hub_listing_a_path_twice():
    lines = (SOURCE / "hub-product-manager.txt").read_text("utf-8").split("\n")
    text = "\n".join(lines[:8] + lines[6:8] + lines[8:]).replace(
        "Backgrounds (3)", "Backgrounds (4)"
    )

    assert error_of(text, "hub.txt") == (
        "hub.txt:10: the path from 'Deep Learning Engineer' to 'AI Product Manager' is listed "
        "twice (first at line 8)"
    )
